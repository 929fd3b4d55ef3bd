package org.commissioning.events.deepdives.v1;

import java.time.LocalDate;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * An officer set the date and lead officer of a deep dive, or rescheduled it (then with a reason).
 *
 * @param date        the day the deep dive is to take place, which becomes its due date
 * @param leadOfficer who leads it
 * @param rescheduled whether a date had been set before
 * @param reason      why it was rescheduled; null for the first scheduling
 */
@PublishedEvent(context = Context.DEEPDIVES, name = "DeepDiveScheduled", version = 1)
public record DeepDiveScheduled(
        String contractId,
        int programmeYear,
        LocalDate date,
        String leadOfficer,
        boolean rescheduled,
        String reason) {
}
