package org.commissioning.contract.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Stored event: a contract monitoring meeting was held.
 *
 * @param meetingNumber  1 for the contract's first recorded meeting, 2 for its second, ...
 * @param actions        the actions agreed, possibly none
 * @param nextMeetingDue the latest meeting held plus the cadence; null while the contract has no cadence (not rated)
 */
@Revision("1")
public record MonitoringMeetingHeldEvent(
        String contractId,
        int meetingNumber,
        LocalDate heldOn,
        List<String> attendees,
        String notes,
        List<PlanAction> actions,
        LocalDate nextMeetingDue) implements ContractEvent {

    public MonitoringMeetingHeldEvent {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
