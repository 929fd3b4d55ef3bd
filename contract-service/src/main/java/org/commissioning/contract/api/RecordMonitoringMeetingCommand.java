package org.commissioning.contract.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record a contract monitoring meeting that was held: when (not in the future), who attended, the notes and the
 * actions agreed (each with an owner and a due date).
 */
public record RecordMonitoringMeetingCommand(
        @TargetAggregateIdentifier String contractId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate heldOn,
        List<String> attendees,
        String notes,
        List<PlanAction> actions) {
}
