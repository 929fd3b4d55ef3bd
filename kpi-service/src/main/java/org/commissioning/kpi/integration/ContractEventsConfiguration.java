package org.commissioning.kpi.integration;

import java.util.function.Consumer;

import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.kpi.query.KnownContractsProjection;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code contracts.events.v1} (binding {@code contractEvents-in-0}) into the view of known contracts.
 * The platform's consumer drops redelivered event ids and reports gaps in a contract's sequence.
 */
@Configuration(proxyBeanMethods = false)
public class ContractEventsConfiguration {

    @Bean
    public Consumer<Message<byte[]>> contractEvents(IdempotentConsumers consumers, KnownContractsProjection view) {
        return consumers.bind("contract-events", IntegrationEventHandlers.builder()
                .on(ContractRegistered.class,
                        (event, registered) -> view.on(ContractEventsTranslator.knownContract(event, registered)))
                .build());
    }
}
