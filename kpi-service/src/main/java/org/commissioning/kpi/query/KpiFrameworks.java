package org.commissioning.kpi.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import lombok.RequiredArgsConstructor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.FrameworkVersionWritten;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.platform.domain.AsOf;
import org.springframework.stereotype.Component;

/**
 * A contract's framework versions, read from the framework's own events in the event store (a handful per
 * contract) rather than from a projection: a return submitted right after its framework was defined or revised
 * is checked against that framework, and a framework read right after it was written is the one written.
 */
@Component
@RequiredArgsConstructor
public class KpiFrameworks {

    private final EventStore eventStore;

    public FrameworkHistory of(String contractId) {
        return new FrameworkHistory(eventStore.readEvents(contractId).asStream()
                .map(DomainEventMessage::getPayload)
                .map(KpiFrameworks::version)
                .filter(Objects::nonNull)
                .toList());
    }

    /**
     * The events that wrote the contract's framework versions as the store held them at {@code asOf}, oldest first,
     * each with its stored time and actor (payloads {@link FrameworkVersionWritten}).
     */
    public List<StoredEvent> written(String contractId, Instant asOf) {
        return AsOf.of(eventStore.readEvents(contractId, 0L), asOf).stream()
                .filter(event -> event.getPayload() instanceof FrameworkVersionWritten)
                .map(StoredEvent::of)
                .toList();
    }

    private static KpiFrameworkVersion version(Object payload) {
        return payload instanceof FrameworkVersionWritten written ? written.toVersion() : null;
    }
}
