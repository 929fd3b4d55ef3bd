package org.commissioning.events.contracts.v1;

import java.time.LocalDate;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract monitoring meeting was held.
 *
 * @param meetingNumber  1 for the contract's first recorded meeting, 2 for its second, ...
 * @param actions        the actions agreed (what, by whom, by when), possibly none
 * @param nextMeetingDue the latest meeting held plus the cadence; null while the contract has no cadence
 */
@PublishedEvent(context = Context.CONTRACTS, name = "MonitoringMeetingHeld", version = 1)
public record MonitoringMeetingHeld(
        String contractId,
        int meetingNumber,
        LocalDate heldOn,
        List<String> attendees,
        String notes,
        List<PlanAction> actions,
        LocalDate nextMeetingDue) {

    public MonitoringMeetingHeld {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
