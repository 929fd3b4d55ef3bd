package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
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

    // The two services below are each alone in a jar: not a Spring Boot jar, so asked to extract itself for class-data
    // sharing (the jarmode property) each fails and is started from the jar itself.

    /** A service that fails on its own a moment after it starts. */
    public static final class Fails {
        public static void main(String[] args) {
            if (System.getProperty("jarmode") != null) {
                System.exit(1);
            }
            System.out.println("failing on purpose");
            System.exit(7);
        }
    }

    /** A service that runs until it is stopped. */
    public static final class Runs {
        public static void main(String[] args) throws InterruptedException {
            if (System.getProperty("jarmode") != null) {
                System.exit(1);
            }
            new CountDownLatch(1).await();
        }
    }

    @Test
    void aServiceThatStopsOnItsOwnIsReportedWithItsExitCodeAndTheEndOfItsLog(@TempDir Path dir) throws Exception {
        List<ServiceProcess.Ended> reported = new CopyOnWriteArrayList<>();
        ServiceProcess service = reporting(dir, "fails-1", Fails.class, reported);

        service.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> !reported.isEmpty());
        ServiceProcess.Ended ended = reported.get(0);
        assertThat(ended.name()).isEqualTo("fails-1");
        assertThat(ended.exitCode()).isEqualTo(7);
        assertThat(ended.describe()).contains("fails-1 stopped on its own (exit code 7)", "failing on purpose");
    }

    @Test
    void aServiceStoppedOrKilledWhenAskedIsNotReported(@TempDir Path dir) throws Exception {
        List<ServiceProcess.Ended> reported = new CopyOnWriteArrayList<>();
        ServiceProcess service = reporting(dir, "runs-1", Runs.class, reported);

        service.start();
        await().atMost(Duration.ofSeconds(30)).until(service::isAlive);
        service.kill();
        service.start();
        await().atMost(Duration.ofSeconds(30)).until(service::isAlive);
        service.stop(Duration.ofSeconds(30));

        assertThat(service.isAlive()).isFalse();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(reported::isEmpty);
    }

    /** A service run from a jar of {@code main} alone, whose ends not asked for go to {@code reported}. */
    private static ServiceProcess reporting(Path dir, String name, Class<?> main, List<ServiceProcess.Ended> reported)
            throws IOException {
        ServiceProcess service = new ServiceProcess(name, jar(dir, main), 0, Map.of(),
                dir.resolve("logs").resolve(name + ".log"));
        service.whenEndedUnasked(reported::add);
        return service;
    }

    /** An executable jar of one class of these tests, as a service's jar is of its application. */
    private static Path jar(Path dir, Class<?> main) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        Path jar = dir.resolve(main.getSimpleName().toLowerCase() + ".jar");
        String entry = main.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream bytes = main.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
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
