package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The launcher's and the benchmark's flags, parsed by picocli. */
class StackOptionsTest {

    static final List<String> KNOWN = List.of("--root", "--data-dir", "--no-demo", "--gateway-port", "--contract-port",
            "--kpi-port", "--rag-port", "--deepdive-port", "--kafka-port", "--kafka-controller-port", "--mongo-port",
            "--issuer-port");

    @Test
    void readsEveryKnownFlag() {
        StackOptions options = StackOptions.parse("--root=/tmp/project", "--data-dir=/tmp/stack-data", "--no-demo",
                "--kafka-port=19092", "--kafka-controller-port=19093", "--mongo-port=37017", "--gateway-port=18080",
                "--contract-port=18081", "--kpi-port=18082", "--rag-port=18083", "--deepdive-port=18084",
                "--issuer-port=19000");

        assertThat(options).isEqualTo(new StackOptions(Path.of("/tmp/project"), Path.of("/tmp/stack-data"), false,
                19092, 19093, 37017, 18080, 18081, 18082, 18083, 18084, 19000));
    }

    @Test
    void keepsTheDefaultsForFlagsNotGivenAndMakesPathsAbsolute() {
        assertThat(StackOptions.parse()).isEqualTo(StackOptions.defaults());
        assertThat(StackOptions.parse("--data-dir=relative/data").dataDir())
                .isEqualTo(Path.of("relative/data").toAbsolutePath());
    }

    @Test
    void takesTheLastValueOfAFlagGivenTwice() {
        assertThat(StackOptions.parse("--gateway-port=18080", "--gateway-port=18090").gatewayPort()).isEqualTo(18090);
    }

    @Test
    void refusesAnUnknownFlagNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> StackOptions.parse("--gateway-port=18080", "--gatway-port=18081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option: '--gatway-port=18081'")
                .hasMessageContainingAll(KNOWN.toArray(String[]::new));
    }

    @Test
    void refusesAStrayArgumentAndAPortOutOfRange() {
        assertThatThrownBy(() -> StackOptions.parse("demo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'demo'");
        assertThatThrownBy(() -> StackOptions.parse("--kpi-port=70000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a port: '70000'");
        assertThatThrownBy(() -> StackOptions.parse("--kpi-port=eight")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a port: 'eight'");
    }

    @Test
    void benchmarkTakesItsOwnFlagsAndTheLaunchers() {
        PlatformBenchmark.Flags flags = new PlatformBenchmark.Flags();

        StackOptions.parse(flags, "--root=/tmp/project", "--data-dir=/tmp/bench-data", "--report=bench/REPORT.md",
                "--samples=3", "--rating-samples=2", "--gateway-port=18080", "--report=/tmp/report.md");

        assertThat(flags.samples).isEqualTo(3);
        assertThat(flags.ratingSamples).isEqualTo(2);
        assertThat(flags.report).isEqualTo(Path.of("/tmp/report.md"));
        assertThat(flags.stack.options()).isEqualTo(StackOptions.defaults().withRoot(Path.of("/tmp/project"))
                .withDataDir(Path.of("/tmp/bench-data")).withPorts(9092, 9093, 27017, 18080, 8081, 8082, 8083, 8084));
        assertThatThrownBy(() -> StackOptions.parse(new PlatformBenchmark.Flags(), "--samples=many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--samples");
    }

    @Test
    void launcherAndBenchmarkExitWithCode2OnAnUnknownFlag() throws Exception {
        Result launcher = launch("--no-demo", "--bogus");
        assertThat(launcher.exitCode()).isEqualTo(2);
        assertThat(launcher.stderr()).contains("Unknown option: '--bogus'").contains(KNOWN);

        Result benchmark = launch("--bench", "--samples=3", "--bogus");
        assertThat(benchmark.exitCode()).isEqualTo(2);
        assertThat(benchmark.stderr()).contains("Unknown option: '--bogus'", "--samples", "--rating-samples",
                "--report", "--gateway-port");
    }

    record Result(int exitCode, String stderr) {
    }

    /** Runs {@link LocalStack#main} in a JVM of its own, as {@code run-local.sh} does. */
    private static Result launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalStack.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The launcher did not exit within 60 s: " + stderr);
        }
        return new Result(process.exitValue(), stderr);
    }
}
