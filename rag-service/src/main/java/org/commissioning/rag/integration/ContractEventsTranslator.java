package org.commissioning.rag.integration;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.rag.api.KnownContract;

/** The published language of {@code contracts.events.v1}, translated into this service's view of a contract. */
public final class ContractEventsTranslator {

    private ContractEventsTranslator() {
    }

    public static KnownContract knownContract(IntegrationEvent<?> event, ContractRegistered registered) {
        return new KnownContract(registered.contractId(), registered.provider(), registered.serviceArea(),
                registered.lot().scope(), registered.lot().areas(), registered.lot().districts(),
                registered.start(), registered.end(), event.time(), event.sequence());
    }
}
