package org.commissioning.contract.command;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.commissioning.contract.api.DeepDiveGrade;
import org.commissioning.contract.api.EscalationCause;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.RecordDeepDiveOutcomeCommand;
import org.commissioning.contract.api.RecordVariationRecommendationCommand;
import org.commissioning.contract.api.VariationRecommendedEvent;

/**
 * What the contract's annual deep dives (deepdive-service) found that the contract acts on: an INADEQUATE overall
 * grade makes escalation due, and a recommended variation waits for the officer's decision. Each at most once per
 * programme year, however often deep dives' events arrive.
 */
class DeepDiveFindings {

    /** The programme years whose deep dive made escalation due. */
    private final Set<Integer> escalated = new HashSet<>();
    /** The programme years whose deep dive's recommended variation is recorded. */
    private final Set<Integer> recommended = new HashSet<>();

    /** Escalation when the deep dive was INADEQUATE and its year has not made escalation due yet; else nothing. */
    Optional<Object> outcome(RecordDeepDiveOutcomeCommand command, LocalDate today) {
        if (command.overallGrade() != DeepDiveGrade.INADEQUATE || escalated.contains(command.programmeYear())) {
            return Optional.empty();
        }
        return Optional.of(EscalationDueEvent.inadequateDeepDive(command.contractId(), command.programmeYear(),
                command.completedOn(), today));
    }

    /** The recommendation, unless the year's is recorded already. */
    Optional<Object> recommend(RecordVariationRecommendationCommand command, LocalDate today) {
        if (recommended.contains(command.programmeYear())) {
            return Optional.empty();
        }
        return Optional.of(new VariationRecommendedEvent(command.contractId(), command.programmeYear(),
                Decisions.trimmed(command.reason()), today));
    }

    @EventSourcingHandler
    void on(EscalationDueEvent event) {
        if (event.cause() == EscalationCause.DEEP_DIVE && event.deepDiveYear() != null) {
            escalated.add(event.deepDiveYear());
        }
    }

    @EventSourcingHandler
    void on(VariationRecommendedEvent event) {
        recommended.add(event.programmeYear());
    }
}
