package org.commissioning.platform.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.platform.v1.EventsRedeliveryRequested;
import org.commissioning.platform.consumer.ConsumedEventStore.HeldStream;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Asks for the events a consumer misses: every {@code platform.consumer.gap-check-interval}, each stream whose oldest
 * held record has waited at least {@code platform.consumer.gap-timeout} gets an {@link EventsRedeliveryRequested} to
 * the owner of the stream's topic, for the numbers from the one it waits for up to the last it holds. A stream is
 * asked for at most once per timeout, so a request that is itself lost, or an owner that was down, is asked again.
 * The owner publishes those events again; the consumer applies the missing ones and its held records in turn, and
 * drops those it already has.
 */
public class GapRecovery {

    private static final Logger log = LoggerFactory.getLogger(GapRecovery.class);

    private final ConsumedEventStore store;
    private final Supplier<IntegrationEventPublisher> publisher;
    private final PlatformMetrics metrics;
    private final Clock clock;
    private final Duration timeout;
    private final String source;

    /**
     * @param publisher looked up when first needed (a service that never holds a record needs none)
     * @param source    the CloudEvents source of the requests: this service
     */
    public GapRecovery(ConsumedEventStore store, Supplier<IntegrationEventPublisher> publisher, PlatformMetrics metrics,
                       Clock clock, Duration timeout, String source) {
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.timeout = timeout;
        this.source = source;
    }

    @Scheduled(fixedDelayString = "${platform.consumer.gap-check-interval:5s}",
            initialDelayString = "${platform.consumer.gap-check-interval:5s}")
    @SchedulerLock(name = "gap-recovery")
    public void checkScheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Checking held streams for a redelivery failed; checking again later: {}", e.toString());
        }
    }

    /** @return the requests sent by this check */
    public List<EventsRedeliveryRequested> check() {
        Instant now = clock.instant();
        List<EventsRedeliveryRequested> sent = new ArrayList<>();
        for (HeldStream held : store.heldStreams()) {
            if (held.oldestHeldAt().plus(timeout).isAfter(now)) {
                continue;
            }
            Optional<Instant> asked = store.redeliveryRequestedAt(held.consumer(), held.source(), held.subject());
            if (asked.isPresent() && asked.get().plus(timeout).isAfter(now)) {
                continue;
            }
            Optional<String> topic = topicOf(held.source());
            if (topic.isEmpty()) {
                log.warn("{} holds records of contract {} from {}, which owns no topic: nobody to ask for the "
                        + "missing events", held.consumer(), held.subject(), held.source());
                continue;
            }
            request(held, topic.get(), now).ifPresent(sent::add);
        }
        return sent;
    }

    private Optional<EventsRedeliveryRequested> request(HeldStream held, String topic, Instant now) {
        long from = store.lastSequence(held.consumer(), held.source(), held.subject()) + 1;
        EventsRedeliveryRequested request = new EventsRedeliveryRequested(topic, held.subject(), from,
                held.lastHeld(), held.consumer());
        String id = UUID.randomUUID().toString();
        try {
            publisher.get().publish(IntegrationEvent.of(id, source, held.subject(), now, 1, CausationContext.SYSTEM,
                    id, request));
        } catch (RuntimeException e) {
            log.warn("{} could not ask {} for sequences {} to {} of contract {}; asking again at the next check: {}",
                    held.consumer(), held.source(), from, held.lastHeld(), held.subject(), e.toString());
            return Optional.empty();
        }
        store.redeliveryRequested(held.consumer(), held.source(), held.subject(), from, now);
        metrics.recoveryRequested(held.consumer(), held.source());
        log.warn("{} has held records of contract {} from {} since {} (more than {}): asked the owner of {} to publish "
                        + "sequences {} to {} again", held.consumer(), held.subject(), held.source(),
                held.oldestHeldAt(), timeout, topic, from, held.lastHeld());
        return Optional.of(request);
    }

    private static Optional<String> topicOf(String source) {
        return Arrays.stream(Context.values()).filter(c -> c.hasOwner() && c.source().equals(source))
                .map(Context::topic).findFirst();
    }
}
