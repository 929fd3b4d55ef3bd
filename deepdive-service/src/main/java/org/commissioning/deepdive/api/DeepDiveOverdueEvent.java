package org.commissioning.deepdive.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** The deep dive was not complete by {@code dueDate} (raised once per due date by the scan). */
@Revision("1")
public record DeepDiveOverdueEvent(String contractId, int programmeYear, LocalDate dueDate) implements DeepDiveEvent {
}
