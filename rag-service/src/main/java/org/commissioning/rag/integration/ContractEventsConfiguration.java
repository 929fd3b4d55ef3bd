package org.commissioning.rag.integration;

import java.util.function.Consumer;

import org.commissioning.events.contracts.v1.ContractExtended;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.ContractVaried;
import org.commissioning.knowncontracts.KnownContractEvents;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.commissioning.rag.application.FollowNoticeContracts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code contracts.events.v1} (binding {@code contractEvents-in-0}) into the view of known contracts
 * (infra/known-contracts: registration and the term's end) and what the performance notices need besides: the
 * annual value and the agreed end (registered, varied or extended) and a termination's effective date.
 */
@Configuration(proxyBeanMethods = false)
public class ContractEventsConfiguration {

    @Bean
    public Consumer<Message<byte[]>> contractEvents(IdempotentConsumers consumers, KnownContractEvents known,
                                                    FollowNoticeContracts notices) {
        return consumers.bind("contract-events", known.addTo(IntegrationEventHandlers.builder())
                .on(ContractRegistered.class, (event, registered) -> notices.agreed(registered.contractId(),
                        registered.annualValueGbp(), registered.end(), event.sequence()))
                .on(ContractVaried.class, (event, varied) -> notices.agreed(varied.contractId(),
                        varied.annualValueGbp(), varied.end(), event.sequence()))
                .on(ContractExtended.class, (event, extended) -> notices.extended(extended.contractId(),
                        extended.end(), event.sequence()))
                .on(ContractTerminated.class, (event, terminated) -> notices.terminated(terminated.contractId(),
                        terminated.effectiveDate(), event.sequence()))
                .build());
    }
}
