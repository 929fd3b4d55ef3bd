package org.commissioning.events.contracts.v1;

import java.time.LocalDate;

/** One action of a plan: what is to be done, by whom, by when. Part of {@link PlanStarted} and {@link MonitoringMeetingHeld}. */
public record PlanAction(String description, String owner, LocalDate dueDate) {
}
