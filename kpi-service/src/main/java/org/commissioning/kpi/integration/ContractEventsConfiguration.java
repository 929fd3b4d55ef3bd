package org.commissioning.kpi.integration;

import java.util.function.Consumer;

import org.commissioning.events.contracts.v1.ContractExpired;
import org.commissioning.events.contracts.v1.ContractRecommissioned;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.knowncontracts.KnownContractEvents;
import org.commissioning.kpi.api.ContractStatus;
import org.commissioning.kpi.application.FollowContractEnds;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code contracts.events.v1} (binding {@code contractEvents-in-0}) into the view of known contracts
 * (infra/known-contracts: registration and the term's end) and the status of contracts that ended (terminated,
 * expired, recommissioned).
 * The platform's consumer drops redelivered event ids and reports gaps in a contract's sequence.
 */
@Configuration(proxyBeanMethods = false)
public class ContractEventsConfiguration {

    @Bean
    public Consumer<Message<byte[]>> contractEvents(IdempotentConsumers consumers, KnownContractEvents known,
                                                    FollowContractEnds status) {
        return consumers.bind("contract-events", known.addTo(IntegrationEventHandlers.builder())
                .on(ContractTerminated.class, (event, terminated) -> status.record(terminated.contractId(),
                        ContractStatus.TERMINATED, terminated.effectiveDate(), event.sequence()))
                .on(ContractExpired.class, (event, expired) -> status.record(expired.contractId(),
                        ContractStatus.EXPIRED, expired.end(), event.sequence()))
                .on(ContractRecommissioned.class, (event, recommissioned) -> status.record(
                        recommissioned.contractId(), ContractStatus.RECOMMISSIONED, null, event.sequence()))
                .build());
    }
}
