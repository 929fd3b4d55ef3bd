package org.commissioning.embedded.mongo;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded server's slow-operation log, as MongoDB's: an operation slower than the threshold is logged with its
 * collection, the shape of its query (values left out) and how it read the collection; a shape seen again within the
 * interval is only counted, and the count is given when it is next logged.
 */
final class SlowOperations {

    private static final Logger log = LoggerFactory.getLogger(SlowOperations.class);

    private final long thresholdNanos;
    private final long intervalNanos;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    SlowOperations(Duration threshold, Duration interval) {
        this.thresholdNanos = threshold.toNanos();
        this.intervalNanos = interval.toNanos();
    }

    private record Seen(long loggedAt, long since) {
    }

    /**
     * @param how what it read (an index, a lookup, a scan), worked out only for an operation that is logged
     */
    void observe(String namespace, String operation, Document query, Document sort, Supplier<String> how,
                 long tookNanos) {
        if (tookNanos < thresholdNanos) {
            return;
        }
        String shape = operation + " " + namespace + " " + shape(query) + (sort == null || sort.isEmpty() ? ""
                : " sort " + shape(sort, true));
        long now = System.nanoTime();
        Seen before = seen.get(shape);
        if (before != null && now - before.loggedAt() < intervalNanos) {
            seen.computeIfPresent(shape, (k, s) -> new Seen(s.loggedAt(), s.since() + 1));
            return;
        }
        seen.put(shape, new Seen(now, 0));
        log.warn("Slow operation ({} ms, {}): {}{}", tookNanos / 1_000_000, how.get(), shape,
                before == null ? "" : "; " + before.since() + " more of this shape since it was last logged");
    }

    /** {@code query} with every value a {@code ?}: its fields and operators, which say what it asks of indexes. */
    static String shape(Object query) {
        return shape(query, false);
    }

    private static String shape(Object value, boolean keepValues) {
        if (value instanceof Document document) {
            Map<String, String> shaped = new LinkedHashMap<>();
            document.forEach((key, inner) -> shaped.put(key, shape(inner, keepValues)));
            return shaped.toString();
        }
        if (value instanceof Collection<?> values) {
            List<String> shaped = values.stream().filter(v -> v instanceof Document || v instanceof Collection<?>)
                    .map(v -> shape(v, keepValues)).distinct().toList();
            return shaped.isEmpty() ? "[?]" : shaped.toString();
        }
        return keepValues ? String.valueOf(value) : "?";
    }
}
