package org.commissioning.events.ratings.v1;

import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract's overall rating changed.
 *
 * @param from      the previous rating, or null for the first
 * @param to        STRETCH, GREEN, AMBER or RED
 * @param period    the rated period that brought the change
 * @param basis     COMPUTED or OFFICER
 * @param rationale the officer's rationale where the basis is OFFICER, else null
 */
@PublishedEvent(context = Context.RATINGS, name = "RagChanged", version = 1)
public record RagChanged(
        String contractId,
        String from,
        String to,
        YearMonth period,
        String basis,
        String rationale) {
}
