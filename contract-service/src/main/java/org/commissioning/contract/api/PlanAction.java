package org.commissioning.contract.api;

import java.time.LocalDate;

/** One action of an improvement or action plan: what is to be done, by whom, by when. */
public record PlanAction(String description, String owner, LocalDate dueDate) {
}
