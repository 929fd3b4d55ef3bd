package org.commissioning.kpi.api;

import java.time.YearMonth;

/**
 * Stored event: a return was accepted. Its values follow as one {@link KpiValueSubmittedEvent} each, stored in
 * the same commit, so each is published as its own {@code KpiSubmitted}. Not published itself.
 */
public record MonthlyReturnSubmittedEvent(
        String returnId,
        String contractId,
        YearMonth period,
        int frameworkVersion,
        String narrative,
        String submittedBy) {
}
