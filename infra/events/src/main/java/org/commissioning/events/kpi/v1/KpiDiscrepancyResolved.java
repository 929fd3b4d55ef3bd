package org.commissioning.events.kpi.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * An officer resolved a {@link KpiDiscrepancyFlagged} with a note: the value counts as validated again.
 *
 * @param district      null for the contract's total
 * @param providerValue the provider's value when it was resolved
 * @param councilValue  the council's value when it was resolved
 */
@PublishedEvent(context = Context.KPI, name = "KpiDiscrepancyResolved", version = 1)
public record KpiDiscrepancyResolved(
        String contractId,
        YearMonth period,
        String kpiCode,
        String district,
        BigDecimal providerValue,
        BigDecimal councilValue,
        String note,
        String resolvedBy,
        Instant resolvedAt) {
}
