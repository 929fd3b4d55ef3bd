package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    /** Keeps everything it allocates, as a service with a leak would. */
    public static final class Leak {
        public static void main(String[] args) {
            List<long[]> kept = new ArrayList<>();
            while (true) {
                kept.add(new long[100_000]);
            }
        }
    }

    @Test
    void aServiceThatRunsOutOfHeapStopsAndLeavesAHeapDumpBesideItsLog(@TempDir Path logs) throws Exception {
        List<String> command = new ArrayList<>(ServiceProcess.java(logs, "-Xms16m -Xmx24m"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Leak.class.getName()));
        Process leak = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("leak.log").toFile()).start();

        assertThat(leak.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(leak.exitValue()).isNotZero();
        assertThat(Files.readString(logs.resolve("leak.log"))).contains("OutOfMemoryError");
        try (Stream<Path> files = Files.list(logs)) {
            assertThat(files.map(Path::toFile).map(File::getName)).anyMatch(name -> name.endsWith(".hprof"));
        }
    }

    @Test
    void serviceOptionsComeAfterTheDefaultsSoTheyWin() {
        List<String> command = ServiceProcess.java(Path.of("/tmp/logs"), "-Xmx1g");

        assertThat(command.indexOf("-Xmx1g")).isGreaterThan(command.indexOf("-Xmx512m"));
        assertThat(command).contains("-XX:HeapDumpPath=/tmp/logs");
    }
}
