package org.commissioning.events.kpi.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract's monthly return was not received by its due date (a configured day of the following month).
 * Published once per contract and period; a return that arrives later is still accepted.
 *
 * @param dueDate    the last day the return was due on
 * @param detectedAt when the overdue scan noticed it
 */
@PublishedEvent(context = Context.KPI, name = "ReturnOverdue", version = 1)
public record ReturnOverdue(
        String contractId,
        YearMonth period,
        LocalDate dueDate,
        Instant detectedAt) {
}
