package org.commissioning.contract.integration;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.RecordContractRatingCommand;
import org.commissioning.contract.api.SetMonitoringCadenceCommand;
import org.commissioning.contract.application.RatingFollowed;
import org.commissioning.contract.application.RecordContractRating;
import org.commissioning.contract.application.SetMonitoringCadence;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code ratings.events.v1} (binding {@code ratingEvents-in-0}): {@link RagChanged} sets the monitoring
 * cadence ({@code SetMonitoringCadence}), {@link ContractRated} records the period's rating for escalation
 * ({@code RecordContractRating}). The use cases run with the event's actor and correlation id. The published rating becomes a {@link Rating} here, once. A rating outside that
 * vocabulary, a rating of a contract this service does not know, or one the contract refuses by a rule (NOT_RATED
 * as a cadence, a contract that has ended) is skipped with a warning: retrying cannot change the answer, and a
 * failed event would hold back the contract's later ones. Any other failure is retried and then
 * dead-lettered by the binder.
 */
@Configuration(proxyBeanMethods = false)
public class RatingEventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RatingEventsConfiguration.class);

    @Bean
    public Consumer<Message<byte[]>> ratingEvents(IdempotentConsumers consumers, SetMonitoringCadence cadence,
                                                 RecordContractRating ratings) {
        return consumers.bind("rating-events", IntegrationEventHandlers.builder()
                .on(RagChanged.class, (event, changed) -> rating(event, changed.to()).ifPresent(rating ->
                        skipIfRefused(event, cadence.set(new SetMonitoringCadenceCommand(changed.contractId(), rating,
                                changed.period())))))
                .on(ContractRated.class, (event, rated) -> rating(event, rated.rating()).ifPresent(rating ->
                        skipIfRefused(event, ratings.record(new RecordContractRatingCommand(rated.contractId(),
                                rated.period(), rating)))))
                .build());
    }

    /** The published rating as this service's {@link Rating}; a value outside the vocabulary is skipped. */
    static Optional<Rating> rating(IntegrationEvent<?> event, String published) {
        Optional<Rating> rating = Rating.parse(published);
        if (rating.isEmpty()) {
            log.warn("Skipped {} {} of contract {}: unknown rating {}; a rating is one of {}", event.type(), event.id(),
                    event.subject(), published, Arrays.toString(Rating.values()));
        }
        return rating;
    }

    /** Logs a refusal: the event is skipped (retrying cannot change the answer). */
    static void skipIfRefused(IntegrationEvent<?> event, RatingFollowed followed) {
        if (followed.refused()) {
            log.warn("Skipped {} {} of contract {}: {}", event.type(), event.id(), event.subject(), followed.refusal());
        }
    }
}
