package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkFlagsTest {

    @Test
    void warmsTheStackUpFirstUnlessToldNotTo() {
        PlatformBenchmark.Flags byDefault = new PlatformBenchmark.Flags();
        StackOptions.parse(byDefault);
        PlatformBenchmark.Flags cold = new PlatformBenchmark.Flags();
        StackOptions.parse(cold, "--no-warm-start");

        assertThat(byDefault.noWarmStart).isFalse();
        assertThat(cold.noWarmStart).isTrue();
    }

    @Test
    void takesTheSustainedLoadFromTheCommandLine() {
        PlatformBenchmark.Flags flags = new PlatformBenchmark.Flags();
        StackOptions.parse(flags, "--paced-share=0.25", "--paced-contracts=40", "--paced-months=2");

        assertThat(flags.pacedShare).isEqualTo(0.25);
        assertThat(flags.pacedContracts).isEqualTo(40);
        assertThat(flags.pacedMonths).isEqualTo(2);
    }
}
