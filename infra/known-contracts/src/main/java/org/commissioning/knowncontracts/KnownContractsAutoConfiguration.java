package org.commissioning.knowncontracts;

import java.util.function.Consumer;

import org.commissioning.platform.config.PlatformAutoConfiguration;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * The contracts a service knows, for every service with this module on its classpath: the view
 * ({@code known_contracts}), its queries, its handlers of {@code contracts.events.v1}, and its API under
 * {@code ${known-contracts.api-prefix}/contracts}.
 * <p>
 * The consumer function {@code contractEvents} (binding {@code contractEvents-in-0}, consumer
 * {@code <application>.contract-events}) is declared here unless the service declares its own, which it does to
 * consume more contract events through the same binding: it then adds {@link KnownContractEvents#addTo these
 * handlers} to its own.
 */
@AutoConfiguration(after = {MongoDataAutoConfiguration.class, PlatformAutoConfiguration.class})
public class KnownContractsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public KnownContractsProjection knownContractsProjection(MongoTemplate mongo) {
        return new KnownContractsProjection(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    public KnownContracts knownContracts(KnownContractsProjection view) {
        return new KnownContracts(view);
    }

    @Bean
    @ConditionalOnMissingBean
    public KnownContractEvents knownContractEvents(KnownContractsProjection view) {
        return new KnownContractEvents(view);
    }

    @Bean
    @ConditionalOnMissingBean(name = "contractEvents")
    public Consumer<Message<byte[]>> contractEvents(IdempotentConsumers consumers, KnownContractEvents known) {
        return consumers.bind("contract-events", known.addTo(IntegrationEventHandlers.builder()).build());
    }

    @Bean
    @ConditionalOnWebApplication
    public KnownContractsController knownContractsController(KnownContracts contracts) {
        return new KnownContractsController(contracts);
    }
}
