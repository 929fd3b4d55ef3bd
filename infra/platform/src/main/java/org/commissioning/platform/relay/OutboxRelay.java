package org.commissioning.platform.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.commissioning.events.EventType;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.messaging.IntegrationEventPublisher;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.platform.messaging.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a service's events from its event store: a tracking processor reads the store in order,
 * translates each event into the published language and publishes it synchronously.
 * <p>
 * A publish that fails is retried here a few times and then thrown, which makes the tracking processor
 * release its token and retry the same event later (the processor's error handling is set to propagate).
 * So an event is never skipped; it may be published more than once, with the same id and sequence,
 * and consumers drop the repeats.
 */
@ProcessingGroup(OutboxRelay.PROCESSING_GROUP)
public class OutboxRelay {

    public static final String PROCESSING_GROUP = "integration-relay";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final IntegrationEventTranslator translator;
    private final OutboxLedger ledger;
    private final IntegrationEventPublisher publisher;
    private final PlatformMetrics metrics;
    private final String source;
    private final int attempts;
    private final Duration backoff;

    public OutboxRelay(IntegrationEventTranslator translator, OutboxLedger ledger, IntegrationEventPublisher publisher,
                       PlatformMetrics metrics, String source, int attempts, Duration backoff) {
        this.translator = translator;
        this.ledger = ledger;
        this.publisher = publisher;
        this.metrics = metrics;
        this.source = source;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> stored) throws InterruptedException {
        Optional<IntegrationEventTranslator.Outgoing> outgoing = translator.translate(stored);
        if (outgoing.isEmpty()) {
            return;
        }
        IntegrationEventTranslator.Outgoing out = outgoing.get();
        String topic = EventType.of(out.payload().getClass()).topic();
        long sequence = ledger.sequenceFor(stored.getIdentifier(), topic, out.subject());
        IntegrationEvent<?> event = IntegrationEvent.of(
                stored.getIdentifier(), source, out.subject(), stored.getTimestamp(), sequence,
                metaData(stored, CausationContext.ACTOR, CausationContext.SYSTEM),
                metaData(stored, CausationContext.CORRELATION_ID, stored.getIdentifier()),
                out.payload());
        publishWithRetry(event, topic);
        ledger.markPublished(event.id());
        metrics.published(topic, event.type(), Duration.between(stored.getTimestamp(), Instant.now()));
    }

    private void publishWithRetry(IntegrationEvent<?> event, String topic) throws InterruptedException {
        Duration wait = backoff;
        for (int attempt = 1; ; attempt++) {
            try {
                publisher.publish(event);
                return;
            } catch (PublishFailedException e) {
                metrics.publishFailed(topic);
                if (attempt >= attempts) {
                    log.warn("Publishing {} {} (contract {}, sequence {}) failed {} times; the relay will retry it",
                            event.type(), event.id(), event.subject(), event.sequence(), attempt);
                    throw e;
                }
                log.info("Publishing {} {} failed (attempt {}): {}; retrying in {} ms",
                        event.type(), event.id(), attempt, rootMessage(e), wait.toMillis());
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2);
            }
        }
    }

    private static String metaData(EventMessage<?> message, String key, String fallback) {
        Object value = message.getMetaData().get(key);
        return value == null ? fallback : value.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
