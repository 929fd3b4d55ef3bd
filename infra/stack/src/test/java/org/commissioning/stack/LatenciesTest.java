package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The benchmark's percentile summary (HdrHistogram). */
class LatenciesTest {

    @Test
    void givesTheNearestRankPercentilesAndTheMaxOfExactMillis() {
        Latencies latencies = Latencies.of(LongStream.rangeClosed(1, 20).map(i -> i * 10).boxed().toList());

        assertThat(latencies.count()).isEqualTo(20);
        assertThat(latencies.percentile(50)).isEqualTo(100);
        assertThat(latencies.percentile(95)).isEqualTo(190);
        assertThat(latencies.max()).isEqualTo(200);
    }

    @Test
    void keepsMillisExactUpToTheBenchmarksPatience() {
        Latencies latencies = Latencies.of(List.of(12_345L, 29_999L, 7L));

        assertThat(latencies.percentile(50)).isEqualTo(12_345);
        assertThat(latencies.max()).isEqualTo(29_999);
    }

    @Test
    void summarisesNegativeTimingsOfTimestampsTakenBeforeTheResponse() {
        Latencies latencies = Latencies.of(List.of(-3L, 5L, 2L));

        assertThat(latencies.percentile(0)).isEqualTo(-3);
        assertThat(latencies.percentile(50)).isEqualTo(2);
        assertThat(latencies.max()).isEqualTo(5);
    }

    @Test
    void summarisesNoTimingsAsZero() {
        Latencies none = Latencies.of(List.of());

        assertThat(none.count()).isZero();
        assertThat(none.percentile(95)).isZero();
        assertThat(none.max()).isZero();
    }
}
