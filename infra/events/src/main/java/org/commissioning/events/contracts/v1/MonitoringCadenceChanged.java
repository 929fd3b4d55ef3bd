package org.commissioning.events.contracts.v1;

import java.time.LocalDate;
import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract's monitoring cadence changed with its overall rating (000, 1.1.4-1.1.6), or was set the first time.
 *
 * @param rating          the rating that calls for the cadence: STRETCH, GREEN, AMBER or RED
 * @param cadence         QUARTERLY (STRETCH, GREEN), BI_MONTHLY (AMBER) or MONTHLY (RED)
 * @param previousCadence null the first time
 * @param period          the rated period that brought the change
 * @param changedOn       the date the cadence changed
 * @param nextMeetingDue  the last meeting held plus the cadence, or (no meeting yet) {@code changedOn} plus the cadence
 */
@PublishedEvent(context = Context.CONTRACTS, name = "MonitoringCadenceChanged", version = 1)
public record MonitoringCadenceChanged(
        String contractId,
        String rating,
        String cadence,
        String previousCadence,
        YearMonth period,
        LocalDate changedOn,
        LocalDate nextMeetingDue) {
}
