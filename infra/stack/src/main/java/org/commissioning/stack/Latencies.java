package org.commissioning.stack;

import java.util.Collection;

import org.HdrHistogram.Histogram;

/**
 * The percentiles (nearest rank) of a set of timings in milliseconds, from an HdrHistogram: exact below 32 s, within
 * 1 in 10,000 above. A timing may be negative (a Kafka timestamp taken before the HTTP response arrived), and a
 * histogram counts only values from 0, so every timing is recorded shifted up by the smallest negative one.
 */
final class Latencies {

    private final Histogram histogram = new Histogram(4);
    private final long shift;

    private Latencies(Collection<Long> millis) {
        shift = Math.min(0, millis.stream().mapToLong(Long::longValue).min().orElse(0));
        millis.forEach(value -> histogram.recordValue(value - shift));
    }

    static Latencies of(Collection<Long> millis) {
        return new Latencies(millis);
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The value at percentile {@code p} (0 to 100), as HdrHistogram ranks it; 0 when there are none. */
    long percentile(double p) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(p) + shift;
    }

    long max() {
        return count() == 0 ? 0 : histogram.getMaxValue() + shift;
    }
}
