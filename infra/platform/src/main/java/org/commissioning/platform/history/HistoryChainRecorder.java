package org.commissioning.platform.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * Chains each stored event as its tracking processor reads the store: the event's stream is extended up to it (and
 * past it, if later events are already stored). Replaying from the start rebuilds nothing that is recorded.
 */
@ProcessingGroup(HistoryChainRecorder.PROCESSING_GROUP)
public class HistoryChainRecorder {

    public static final String PROCESSING_GROUP = "history-chain";

    private final HistoryChainLedger ledger;

    public HistoryChainRecorder(HistoryChainLedger ledger) {
        this.ledger = ledger;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> stored) {
        if (stored instanceof DomainEventMessage<?> event && event.getType() != null) {
            ledger.head(event.getAggregateIdentifier())
                    .filter(head -> head.sequence() >= event.getSequenceNumber())
                    .ifPresentOrElse(head -> { }, () -> ledger.extend(event.getAggregateIdentifier()));
        }
    }
}
