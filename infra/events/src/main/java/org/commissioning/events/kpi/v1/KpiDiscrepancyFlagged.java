package org.commissioning.events.kpi.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * The provider's figure and the council's own figure for the same KPI, district and month differ by more than the
 * KPI's tolerance: the value is not validated until an officer resolves the discrepancy
 * ({@link KpiDiscrepancyResolved}). Raised whichever of the two figures arrives second, and again whenever a
 * correction leaves them apart (with the figures as they then stand).
 *
 * @param district      null for the contract's total
 * @param providerValue the provider's value as it stands (see {@link KpiSubmitted#value()})
 * @param councilValue  the council's value
 * @param difference    providerValue - councilValue (signed)
 * @param tolerance     the KPI's tolerance, absolute, in the KPI's unit (0 when the framework states none)
 */
@PublishedEvent(context = Context.KPI, name = "KpiDiscrepancyFlagged", version = 1)
public record KpiDiscrepancyFlagged(
        String contractId,
        YearMonth period,
        String kpiCode,
        String district,
        BigDecimal providerValue,
        BigDecimal councilValue,
        BigDecimal difference,
        BigDecimal tolerance,
        int frameworkVersion,
        Instant flaggedAt) {
}
