package org.commissioning.platform.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The platform's messaging meters, exposed on /actuator/prometheus as
 * {@code platform_events_published_total}, {@code platform_events_consumed_total},
 * {@code platform_events_duplicates_total}, {@code platform_events_gaps_total},
 * {@code platform_relay_failures_total}, {@code platform_relay_lag_seconds} and {@code platform_relay_last_lag_seconds},
 * and the relay's dead letters: {@code platform_relay_parked} (events parked now, by topic) and
 * {@code platform_relay_parked_events_total} (events ever parked, by topic; Prometheus does not allow a counter
 * {@code platform_relay_parked_total} beside a gauge {@code platform_relay_parked}).
 */
public class PlatformMetrics {

    private final MeterRegistry registry;
    private final AtomicLong lastLagMillis = new AtomicLong();
    private final Map<String, AtomicLong> parkedByTopic = new ConcurrentHashMap<>();

    public PlatformMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("platform.relay.last.lag", lastLagMillis, v -> v.get() / 1000.0)
                .description("Age of the last event the relay published, when it was acknowledged")
                .baseUnit("seconds")
                .register(registry);
    }

    public void published(String topic, String type, Duration lag) {
        Counter.builder("platform.events.published").tag("topic", topic).tag("type", type)
                .description("Integration events acknowledged by the broker").register(registry).increment();
        Timer.builder("platform.relay.lag").tag("topic", topic)
                .description("Time from storing an event to the broker acknowledging it").register(registry).record(lag);
        lastLagMillis.set(lag.toMillis());
    }

    public void publishFailed(String topic) {
        Counter.builder("platform.relay.failures").tag("topic", topic)
                .description("Publish attempts the broker did not acknowledge (retried)").register(registry).increment();
    }

    /** An event parked by the relay (its own failure, or held behind an earlier parked event of its stream). */
    public void parked(String topic) {
        Counter.builder("platform.relay.parked.events").tag("topic", topic)
                .description("Events the relay ever parked instead of publishing").register(registry).increment();
    }

    /** The events parked now, by topic; a topic left out has none parked any more. */
    public void parkedNow(Map<String, Long> byTopic) {
        byTopic.keySet().forEach(topic -> parkedByTopic.computeIfAbsent(topic, t -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("platform.relay.parked", count, AtomicLong::get).tag("topic", t)
                    .description("Events parked by the relay, waiting for an operator's retry").register(registry);
            return count;
        }));
        parkedByTopic.forEach((topic, count) -> count.set(byTopic.getOrDefault(topic, 0L)));
    }

    /** The sum of a gauge's values over the series matching {@code tags}. */
    public double gauge(String name, String... tags) {
        var search = registry.find(name);
        if (tags.length > 0) {
            search = search.tags(tags);
        }
        return search.gauges().stream().mapToDouble(Gauge::value).sum();
    }

    public void consumed(String consumer, String source, String type) {
        Counter.builder("platform.events.consumed").tag("consumer", consumer).tag("source", source).tag("type", type)
                .description("Integration events handled for the first time").register(registry).increment();
    }

    public void duplicate(String consumer, String source) {
        Counter.builder("platform.events.duplicates").tag("consumer", consumer).tag("source", source)
                .description("Redelivered integration events dropped unhandled").register(registry).increment();
    }

    public void gap(String consumer, String source, long missing) {
        Counter.builder("platform.events.gaps").tag("consumer", consumer).tag("source", source)
                .description("Sequence numbers found missing in a contract's stream").register(registry).increment(missing);
    }

    public void late(String consumer, String source) {
        Counter.builder("platform.events.late").tag("consumer", consumer).tag("source", source)
                .description("Events that arrived after a later event of the same contract").register(registry).increment();
    }

    public double count(String name, String... tags) {
        var search = registry.find(name);
        if (tags.length > 0) {
            search = search.tags(tags);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
