package org.commissioning.deepdive.integration;

import java.util.function.Consumer;

import org.commissioning.deepdive.application.FollowContracts;
import org.commissioning.events.contracts.v1.ContractExpired;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.knowncontracts.KnownContractEvents;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code contracts.events.v1} (binding {@code contractEvents-in-0}) into the view of known contracts
 * (infra/known-contracts) and the programmes: a registration joins the open programme years its term overlaps, a
 * termination or an expiry takes the contract out of the programme of the year it ends in and later ones.
 */
@Configuration(proxyBeanMethods = false)
public class ContractEventsConfiguration {

    @Bean
    public Consumer<Message<byte[]>> contractEvents(IdempotentConsumers consumers, KnownContractEvents known,
                                                    FollowContracts programmes) {
        return consumers.bind("contract-events", known.addTo(IntegrationEventHandlers.builder())
                .on(ContractRegistered.class, (event, registered) ->
                        programmes.registered(KnownContractEvents.knownContract(event, registered)))
                .on(ContractTerminated.class, (event, terminated) -> programmes.ended(terminated.contractId(),
                        terminated.effectiveDate(), "The contract was terminated with effect from "
                                + terminated.effectiveDate() + " (" + terminated.reason() + ")"))
                .on(ContractExpired.class, (event, expired) -> programmes.ended(expired.contractId(), expired.end(),
                        "The contract expired on " + expired.end()))
                .build());
    }
}
