package org.commissioning.contract.integration;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.platform.relay.IntegrationEventTranslator;
import org.springframework.stereotype.Component;

/** Stored contract events, translated into the published language of {@code contracts.events.v1}. */
@Component
public class ContractEventTranslator implements IntegrationEventTranslator {

    @Override
    public Optional<Outgoing> translate(EventMessage<?> stored) {
        if (stored.getPayload() instanceof ContractRegisteredEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new ContractRegistered(
                    e.contractId(), e.provider(), e.serviceArea().name(),
                    new Lot(e.lot().scope().name(), e.lot().coveredAreas(), e.lot().coveredDistricts()),
                    e.annualValueGbp(), e.start(), e.end())));
        }
        return Optional.empty();
    }
}
