package org.commissioning.platform.deadletter;

import java.time.Clock;
import java.util.List;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.commissioning.platform.axon.AxonPlatformAutoConfiguration;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Dead letters for the Axon event processors (not the gateway's, which has none): a sequenced dead-letter queue in
 * MongoDB for every processing group but those in {@link DeadLetterQueues#NOT_DEAD_LETTERED}, the
 * {@link TransientFailures} policy, {@code /actuator/deadletters}, the {@code deadLetters} health component and the
 * {@code platform_deadletters} meters.
 */
@AutoConfiguration(after = AxonPlatformAutoConfiguration.class,
        before = org.axonframework.springboot.autoconfig.AxonAutoConfiguration.class)
@ConditionalOnClass({EventStorageEngine.class, MongoSequencedDeadLetterQueue.class})
public class DeadLetterAutoConfiguration {

    @Bean
    public DeadLetterQueues deadLetterQueues(MongoTemplate axonMongoTemplate, TransactionManager transactionManager,
                                             PlatformMetrics metrics) {
        return new DeadLetterQueues(axonMongoTemplate, transactionManager, metrics);
    }

    @Bean
    public ConfigurerModule deadLetteringProcessingGroups(DeadLetterQueues queues) {
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterQueueProvider(queues::provider)
                .registerDefaultDeadLetterPolicy(configuration -> new TransientFailures());
    }

    @Bean
    public DeadLetters deadLetters(DeadLetterQueues queues,
                                   ObjectProvider<org.axonframework.config.Configuration> axon,
                                   org.springframework.data.mongodb.core.MongoTemplate mongo,
                                   PlatformMetrics metrics) {
        return new DeadLetters(queues,
                group -> axon.getObject().eventProcessingConfiguration().sequencedDeadLetterProcessor(group),
                mongo, () -> axon.getObject().eventBus(), metrics, Clock.systemUTC());
    }

    @Bean
    public DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }

    /** A discarded Kafka record's copy in the event store, beside {@value DeadLetters#AUDIT_COLLECTION}. */
    @Bean
    public DeadLetteredRecords.DiscardListener discardedRecordsInTheEventStore(
            ObjectProvider<org.axonframework.config.Configuration> axon) {
        return discarded -> DeadLetters.publish(axon.getObject().eventBus(), new DeadLettersDiscardedEvent(
                discarded.deadLetterTopic(), discarded.subject(), List.of(discarded.eventId() != null
                        ? discarded.eventId()
                        : discarded.deadLetterTopic() + "/" + discarded.partition() + "@" + discarded.offset()),
                discarded.reason(), discarded.actor(), discarded.at()));
    }

    /** The {@code deadLetters} health component. */
    @Bean(name = "deadLettersHealthIndicator")
    public DeadLettersHealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
        return new DeadLettersHealthIndicator(deadLetters);
    }
}
