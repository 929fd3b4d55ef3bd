package org.commissioning.events.deepdives.v1;

import java.time.LocalDate;

/** An action agreed at a deep dive: what is to be done, by whom, by when. Part of {@link DeepDiveCompleted}. */
public record DeepDiveAction(String description, String owner, LocalDate dueDate) {
}
