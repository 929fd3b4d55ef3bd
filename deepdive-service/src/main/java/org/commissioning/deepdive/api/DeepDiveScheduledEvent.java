package org.commissioning.deepdive.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * The date and lead officer were set; the date becomes the due date.
 *
 * @param previousDate the date set before, for a rescheduling; else null
 * @param reason       why it was rescheduled; null for the first scheduling
 */
@Revision("1")
public record DeepDiveScheduledEvent(String contractId, int programmeYear, LocalDate date, String leadOfficer,
                                     LocalDate previousDate, String reason) implements DeepDiveEvent {
}
