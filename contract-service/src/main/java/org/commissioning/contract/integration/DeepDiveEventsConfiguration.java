package org.commissioning.contract.integration;

import static org.commissioning.contract.integration.RatingEventsConfiguration.skipIfRefused;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

import org.commissioning.contract.api.DeepDiveGrade;
import org.commissioning.contract.api.RecordDeepDiveOutcomeCommand;
import org.commissioning.contract.api.RecordVariationRecommendationCommand;
import org.commissioning.contract.application.RecordDeepDiveOutcome;
import org.commissioning.contract.application.RecordVariationRecommendation;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.VariationRecommended;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code deepdives.events.v1} (binding {@code deepDiveEvents-in-0}) through the platform's idempotent
 * consumer, as the system caused by the deep dive's actor: {@link DeepDiveCompleted} records the overall grade
 * ({@code RecordDeepDiveOutcome}; INADEQUATE makes escalation due), {@link VariationRecommended} records the
 * recommendation on the contract ({@code RecordVariationRecommendation}). A historic completion without a grade
 * changes nothing. A grade outside the scale, or a contract this service does not know, is skipped with a warning:
 * retrying cannot change the answer, and a failed event would hold back the contract's later ones.
 */
@Configuration(proxyBeanMethods = false)
public class DeepDiveEventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeepDiveEventsConfiguration.class);

    @Bean
    public Consumer<Message<byte[]>> deepDiveEvents(IdempotentConsumers consumers, RecordDeepDiveOutcome outcomes,
                                                    RecordVariationRecommendation recommendations) {
        return consumers.bind("deepdive-events", IntegrationEventHandlers.builder()
                .on(DeepDiveCompleted.class, (event, completed) -> grade(event, completed.overallGrade())
                        .ifPresent(grade -> skipIfRefused(event, outcomes.record(new RecordDeepDiveOutcomeCommand(
                                completed.contractId(), completed.programmeYear(), grade, completed.completedOn())))))
                .on(VariationRecommended.class, (event, recommended) -> skipIfRefused(event,
                        recommendations.record(new RecordVariationRecommendationCommand(recommended.contractId(),
                                recommended.programmeYear(), recommended.reason()))))
                .build());
    }

    /** The published overall grade as a {@link DeepDiveGrade}: none for a historic record; one outside the scale is skipped. */
    static Optional<DeepDiveGrade> grade(IntegrationEvent<?> event, String published) {
        if (published == null) {
            return Optional.empty();
        }
        Optional<DeepDiveGrade> grade = DeepDiveGrade.parse(published);
        if (grade.isEmpty()) {
            log.warn("Skipped {} {} of contract {}: unknown grade {}; a grade is one of {}", event.type(), event.id(),
                    event.subject(), published, Arrays.toString(DeepDiveGrade.values()));
        }
        return grade;
    }
}
