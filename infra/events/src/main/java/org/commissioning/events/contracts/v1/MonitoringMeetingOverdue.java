package org.commissioning.events.contracts.v1;

import java.time.LocalDate;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract's monitoring meeting was not held by its due date; published once per due date.
 *
 * @param cadence           QUARTERLY, BI_MONTHLY or MONTHLY
 * @param lastMeetingHeldOn the last meeting held, or null if none has been
 * @param flaggedOn         the date the missed meeting was noticed
 */
@PublishedEvent(context = Context.CONTRACTS, name = "MonitoringMeetingOverdue", version = 1)
public record MonitoringMeetingOverdue(
        String contractId,
        LocalDate dueDate,
        String cadence,
        LocalDate lastMeetingHeldOn,
        LocalDate flaggedOn) {
}
