package org.commissioning.rag.integration;

import java.util.function.Consumer;

import org.commissioning.events.contracts.v1.ContractExtended;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.ContractVaried;
import org.commissioning.rag.query.KnownContractsProjection;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code contracts.events.v1} (binding {@code contractEvents-in-0}) into the view of known contracts: their
 * registration and the changes of their term's end (variation, extension, termination), against which officer
 * overrides and trajectory statements are checked.
 * The platform's consumer drops redelivered event ids and reports gaps in a contract's sequence.
 */
@Configuration(proxyBeanMethods = false)
public class ContractEventsConfiguration {

    @Bean
    public Consumer<Message<byte[]>> contractEvents(IdempotentConsumers consumers, KnownContractsProjection view) {
        return consumers.bind("contract-events", IntegrationEventHandlers.builder()
                .on(ContractRegistered.class,
                        (event, registered) -> view.on(ContractEventsTranslator.knownContract(event, registered)))
                .on(ContractVaried.class, (event, varied) -> view.termEnds(varied.contractId(), varied.end(),
                        event.sequence()))
                .on(ContractExtended.class, (event, extended) -> view.termEnds(extended.contractId(), extended.end(),
                        event.sequence()))
                .on(ContractTerminated.class, (event, terminated) -> view.termEnds(terminated.contractId(),
                        terminated.effectiveDate(), event.sequence()))
                .build());
    }
}
