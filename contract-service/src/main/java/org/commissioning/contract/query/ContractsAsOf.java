package org.commissioning.contract.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.contract.api.ContractAsOfQuery;
import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractEventsAsOfQuery;
import org.commissioning.contract.api.ContractHistoryAsOfQuery;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.StoredContractEvent;
import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.domain.CausationContext;
import org.springframework.stereotype.Component;

/**
 * A contract's state and lifecycle as they stood at an instant, rebuilt from the contract's stored events rather
 * than read from the projections: the events stored by then ({@link AsOf#of}), from sequence 0 (a snapshot would
 * hide the earlier ones), folded by the rules the projections apply ({@link ContractDocument},
 * {@link HistoryDocument}). The answer is what an officer read then, whatever the projections hold now.
 */
@Component
@RequiredArgsConstructor
public class ContractsAsOf {

    private final EventStore eventStore;

    @QueryHandler
    public Optional<ContractSummary> handle(ContractAsOfQuery query) {
        ContractDocument doc = null;
        for (DomainEventMessage<?> message : stored(query.contractId(), query.asOf())) {
            if (message.getPayload() instanceof ContractRegisteredEvent registered) {
                doc = ContractDocument.registered(registered, message.getSequenceNumber(), message.getTimestamp());
            } else if (doc != null && message.getPayload() instanceof ContractEvent event) {
                doc.apply(event, message.getSequenceNumber(), message.getTimestamp());
            }
        }
        return Optional.ofNullable(doc).map(ContractDocument::toSummary);
    }

    @QueryHandler
    public List<ContractHistoryEntry> handle(ContractHistoryAsOfQuery query) {
        return stored(query.contractId(), query.asOf()).stream()
                .filter(message -> message.getPayload() instanceof ContractEvent)
                .map(message -> HistoryDocument.of((ContractEvent) message.getPayload(), message).toEntry())
                .toList();
    }

    @QueryHandler
    public List<StoredContractEvent> handle(ContractEventsAsOfQuery query) {
        return stored(query.contractId(), query.asOf()).stream()
                .filter(message -> message.getPayload() instanceof ContractEvent)
                .map(message -> {
                    ContractEvent event = (ContractEvent) message.getPayload();
                    return new StoredContractEvent(HistoryDocument.of(event, message).toEntry(),
                            metaData(message, CausationContext.ACTOR_NAME),
                            metaData(message, CausationContext.CORRELATION_ID), event);
                })
                .toList();
    }

    private static String metaData(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private List<DomainEventMessage<?>> stored(String contractId, Instant asOf) {
        return AsOf.of(eventStore.readEvents(contractId, 0L), asOf);
    }
}
