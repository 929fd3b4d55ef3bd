package org.commissioning.events.deepdives.v1;

import java.time.LocalDate;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A deep dive was not complete by its due date. Raised once per deep dive by deepdive-service's scan; a later
 * {@link DeepDiveCompleted} of the same programme year settles it.
 *
 * @param dueDate the last day it was due
 */
@PublishedEvent(context = Context.DEEPDIVES, name = "DeepDiveOverdue", version = 1)
public record DeepDiveOverdue(
        String contractId,
        int programmeYear,
        LocalDate dueDate) {
}
