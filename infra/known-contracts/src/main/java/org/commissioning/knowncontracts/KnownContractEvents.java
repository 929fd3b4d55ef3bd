package org.commissioning.knowncontracts;

import lombok.RequiredArgsConstructor;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractExtended;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.ContractVaried;
import org.commissioning.platform.consumer.IntegrationEventHandlers;

/**
 * The handlers of {@code contracts.events.v1} that keep {@link KnownContractsProjection} current: a registration
 * makes a contract known, a variation, an extension or a termination moves the end of its term. A service that
 * consumes more contract events through the same binding adds these to its own handlers with {@link #addTo}.
 */
@RequiredArgsConstructor
public class KnownContractEvents {

    private final KnownContractsProjection view;

    /** The published language of {@code ContractRegistered.v1}, translated into a known contract. */
    public static KnownContract knownContract(IntegrationEvent<?> event, ContractRegistered registered) {
        return new KnownContract(registered.contractId(), registered.provider(), registered.serviceArea(),
                registered.lot().scope(), registered.lot().areas(), registered.lot().districts(),
                registered.start(), registered.end(), event.time(), event.sequence());
    }

    /** Registers the handlers of the known contracts with {@code handlers}; returns it for more. */
    public IntegrationEventHandlers.Builder addTo(IntegrationEventHandlers.Builder handlers) {
        return handlers
                .on(ContractRegistered.class, (event, registered) -> view.on(knownContract(event, registered)))
                .on(ContractVaried.class, (event, varied) ->
                        view.termEnds(varied.contractId(), varied.end(), event.sequence()))
                .on(ContractExtended.class, (event, extended) ->
                        view.termEnds(extended.contractId(), extended.end(), event.sequence()))
                .on(ContractTerminated.class, (event, terminated) ->
                        view.termEnds(terminated.contractId(), terminated.effectiveDate(), event.sequence()));
    }
}
