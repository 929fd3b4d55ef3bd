package org.commissioning.platform.consumer;

import java.util.function.Consumer;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Consumes integration events at most once per event id and watches each contract's sequence.
 * <ul>
 *   <li>An event id already handled is dropped and counted as a duplicate.</li>
 *   <li>A sequence number that skips ahead is reported (warning and {@code platform_events_gaps_total})
 *       and the event is still handled: holding it back would block the contract for good.</li>
 *   <li>Events of types this consumer has no handler for still advance the sequence.</li>
 * </ul>
 * An exception from a handler propagates, so the binder retries the event and then dead-letters it.
 */
public class IdempotentConsumer {

    public enum Outcome { HANDLED, IGNORED, DUPLICATE }

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final String name;
    private final ConsumedEventStore store;
    private final IntegrationEventCodec codec;
    private final PlatformMetrics metrics;
    private final IntegrationEventHandlers handlers;

    public IdempotentConsumer(String name, ConsumedEventStore store, IntegrationEventCodec codec,
                              PlatformMetrics metrics, IntegrationEventHandlers handlers) {
        this.name = name;
        this.store = store;
        this.codec = codec;
        this.metrics = metrics;
        this.handlers = handlers;
    }

    /** The function to bind to a topic with Spring Cloud Stream. */
    public Consumer<Message<byte[]>> asMessageConsumer() {
        return message -> accept(codec.decode(message.getPayload()));
    }

    public synchronized Outcome accept(IntegrationEvent<?> event) {
        if (store.seen(name, event.id())) {
            metrics.duplicate(name, event.source());
            log.debug("{} dropped redelivered {} {}", name, event.type(), event.id());
            return Outcome.DUPLICATE;
        }
        long last = store.lastSequence(name, event.source(), event.subject());
        if (event.sequence() > last + 1) {
            long missing = event.sequence() - last - 1;
            metrics.gap(name, event.source(), missing);
            log.warn("Gap in the events of contract {} from {}: {} expected sequence {} but received {} ({} missing)",
                    event.subject(), event.source(), name, last + 1, event.sequence(), missing);
        } else if (event.sequence() <= last) {
            metrics.late(name, event.source());
            log.info("{} received sequence {} of contract {} after sequence {}", name, event.sequence(), event.subject(), last);
        }
        boolean handled = IntegrationEventCodec.isKnown(event) && dispatch(event);
        store.record(name, event.id(), event.type(), event.source(), event.subject(), event.sequence());
        if (handled) {
            metrics.consumed(name, event.source(), event.type());
        }
        return handled ? Outcome.HANDLED : Outcome.IGNORED;
    }

    private boolean dispatch(IntegrationEvent<?> event) {
        boolean[] handled = new boolean[1];
        String actor = event.actor() == null ? CausationContext.SYSTEM : event.actor();
        String correlation = event.correlationid() == null ? event.id() : event.correlationid();
        new CausationContext(actor, correlation).run(() -> handled[0] = handlers.dispatch(event));
        return handled[0];
    }
}
