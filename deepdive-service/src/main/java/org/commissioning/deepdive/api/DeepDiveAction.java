package org.commissioning.deepdive.api;

import java.time.LocalDate;

/** An action agreed at a deep dive: what is to be done, by whom, by when. */
public record DeepDiveAction(String description, String owner, LocalDate dueDate) {
}
