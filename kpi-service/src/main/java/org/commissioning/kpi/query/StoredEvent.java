package org.commissioning.kpi.query;

import java.time.Instant;

import org.axonframework.eventhandling.DomainEventMessage;
import org.commissioning.platform.domain.CausationContext;

/**
 * A stored event of one of a contract's streams as an auditor reads it: where it sits in its stream, when the event
 * store recorded it and who caused it (the actor id and display name the platform stores on every event).
 *
 * @param type the payload's class name without its package, e.g. {@code KpiCorrectedEvent}
 */
public record StoredEvent(String stream, long sequence, String eventId, Instant storedAt, String type, String actor,
                          String actorName, Object payload) {

    static StoredEvent of(DomainEventMessage<?> event) {
        return new StoredEvent(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getIdentifier(),
                event.getTimestamp(), event.getPayloadType().getSimpleName(),
                text(event.getMetaData().get(CausationContext.ACTOR)),
                text(event.getMetaData().get(CausationContext.ACTOR_NAME)), event.getPayload());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
