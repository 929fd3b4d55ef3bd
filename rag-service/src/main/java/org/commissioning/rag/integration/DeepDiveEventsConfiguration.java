package org.commissioning.rag.integration;

import java.util.function.Consumer;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.deepdives.v1.DeepDiveCancelled;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.commissioning.rag.application.FollowDeepDives;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code deepdives.events.v1} (binding {@code deepDiveEvents-in-0}) through the platform's idempotent
 * consumer: each completed or cancelled deep dive becomes an outcome in its contract's rating history
 * ({@code FollowDeepDives}), beside the ratings and never part of them.
 */
@Configuration(proxyBeanMethods = false)
public class DeepDiveEventsConfiguration {

    @Bean
    public Consumer<Message<byte[]>> deepDiveEvents(IdempotentConsumers consumers, FollowDeepDives deepDives) {
        return consumers.bind("deepdive-events", IntegrationEventHandlers.builder()
                .on(DeepDiveCompleted.class, (event, completed) -> deepDives.completed(
                        recorded(event, completed.contractId(), completed.programmeYear()), completed.completedOn(),
                        completed.overallGrade(), completed.historic(), completed.sourceReference(),
                        completed.variationRecommended()))
                .on(DeepDiveCancelled.class, (event, cancelled) -> deepDives.cancelled(
                        recorded(event, cancelled.contractId(), cancelled.programmeYear()), cancelled.reason()))
                .build());
    }

    private static FollowDeepDives.Recorded recorded(IntegrationEvent<?> event, String contractId, int year) {
        return new FollowDeepDives.Recorded(contractId, year, event.time(), event.actor());
    }
}
