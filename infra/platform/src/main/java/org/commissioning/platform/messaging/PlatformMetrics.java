package org.commissioning.platform.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The platform's messaging meters, exposed on /actuator/prometheus as
 * {@code platform_events_published_total}, {@code platform_events_consumed_total},
 * {@code platform_events_duplicates_total}, {@code platform_events_gaps_total}, {@code platform_events_conflicts_total},
 * {@code platform_events_refused_total}, {@code platform_events_held},
 * {@code platform_events_recovery_requested_total}, {@code platform_events_redelivered_total},
 * {@code platform_relay_failures_total}, {@code platform_relay_lag_seconds} and {@code platform_relay_last_lag_seconds},
 * and the relay's dead letters: {@code platform_relay_parked} (events parked now, by topic) and
 * {@code platform_relay_parked_events_total} (events ever parked, by topic; Prometheus does not allow a counter
 * {@code platform_relay_parked_total} beside a gauge {@code platform_relay_parked}), and the Axon processing groups'
 * dead letters: {@code platform_deadletters} (letters parked now, by group) and
 * {@code platform_deadletters_letters_total} (by group and outcome: enqueued, retried, discarded).
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

    /** The letters a processing group's dead-letter queue holds now, read at each scrape. */
    public void deadLettersParked(String group, Supplier<Number> count) {
        Gauge.builder("platform.deadletters", count).tag("group", group)
                .description("Events dead-lettered by an event processing group, waiting for an operator")
                .register(registry);
    }

    /** The records on a consumer's dead-letter topic neither applied nor discarded, as last read. */
    public void deadLetteredRecords(String deadLetterTopic, Supplier<Number> count) {
        Gauge.builder("platform.deadlettered.records", count).tag("topic", deadLetterTopic)
                .description("Records a Kafka consumer dead-lettered that are neither applied nor discarded")
                .register(registry);
    }

    /** Letters of a processing group {@code enqueued}, {@code retried} (handled and removed) or {@code discarded}. */
    public void deadLetters(String group, String outcome, long letters) {
        Counter.builder("platform.deadletters.letters").tag("group", group).tag("outcome", outcome)
                .description("Dead letters of event processing groups, by what happened to them")
                .register(registry).increment(letters);
    }

    public void consumed(String consumer, String source, String type) {
        Counter.builder("platform.events.consumed").tag("consumer", consumer).tag("source", source).tag("type", type)
                .description("Integration events handled for the first time").register(registry).increment();
    }

    public void duplicate(String consumer, String source) {
        Counter.builder("platform.events.duplicates").tag("consumer", consumer).tag("source", source)
                .description("Redelivered integration events dropped unhandled").register(registry).increment();
    }

    /** A contract's stream had to hold a record back: one gap, however many sequence numbers are missing. */
    public void gap(String consumer, String source) {
        Counter.builder("platform.events.gaps").tag("consumer", consumer).tag("source", source)
                .description("Gaps opened in a contract's stream: a record arrived ahead of its turn and was held")
                .register(registry).increment();
    }

    /** A consumer asked the owner of a stream it holds records of to publish the missing events again. */
    public void recoveryRequested(String consumer, String source) {
        Counter.builder("platform.events.recovery.requested").tag("consumer", consumer).tag("source", source)
                .description("Requests to a topic's owner to publish again the events a held stream waits for")
                .register(registry).increment();
    }

    /** The relay published an event again, because a consumer or an operator asked for it. */
    public void redelivered(String topic) {
        Counter.builder("platform.events.redelivered").tag("topic", topic)
                .description("Events published again on request (redelivery), with their original id and sequence")
                .register(registry).increment();
    }

    public void conflict(String consumer, String source) {
        Counter.builder("platform.events.conflicts").tag("consumer", consumer).tag("source", source)
                .description("Records under a new id claiming a sequence number already applied or held (not applied)")
                .register(registry).increment();
    }

    public void refused(String consumer, String source, String topic) {
        Counter.builder("platform.events.refused").tag("consumer", consumer).tag("source", source).tag("topic", topic)
                .description("Records whose source is not the service that owns the topic (not applied)")
                .register(registry).increment();
    }

    /** How many records the consumer holds back now, waiting for missing sequence numbers. */
    public void held(String consumer, Supplier<Number> count) {
        Gauge.builder("platform.events.held", count).tag("consumer", consumer)
                .description("Records held back until the missing events of their contract arrive")
                .register(registry);
    }

    public double count(String name, String... tags) {
        var search = registry.find(name);
        if (tags.length > 0) {
            search = search.tags(tags);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
