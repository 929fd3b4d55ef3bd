package org.commissioning.contract.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the outcome of a contract's completed deep dive (from deep dives' {@code DeepDiveCompleted}): an
 * INADEQUATE overall grade makes escalation due, once per programme year; any other grade changes nothing here.
 *
 * @param programmeYear the year the deep dive's financial year starts in (2018 for 2018-19)
 */
public record RecordDeepDiveOutcomeCommand(
        @TargetAggregateIdentifier String contractId,
        int programmeYear,
        DeepDiveGrade overallGrade,
        LocalDate completedOn) {
}
