package org.commissioning.events.deepdives.v1;

import java.time.LocalDate;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/** An officer started the evaluation of a deep dive (its status becomes IN_PROGRESS). */
@PublishedEvent(context = Context.DEEPDIVES, name = "DeepDiveStarted", version = 1)
public record DeepDiveStarted(
        String contractId,
        int programmeYear,
        LocalDate startedOn,
        String leadOfficer) {
}
