package org.commissioning.events.kpi.v1;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * One value of a monthly return: one event per KPI and district (the total has no district).
 *
 * @param period           the month the value is for
 * @param district         null for the contract's total; otherwise one of the districts of the contract's lot
 * @param value            in the KPI's unit; for a percentage given as a fraction, 100 * numerator / denominator
 *                         rounded half up to 2 decimals (use the fraction for exact sums)
 * @param numerator        null unless the percentage was given as a fraction
 * @param denominator      null unless the percentage was given as a fraction
 * @param source           PROVIDER (a provider's return) or COUNCIL (a figure from the council's own systems,
 *                         recorded by an officer to triangulate the provider's; its band is rated the same way)
 * @param frameworkVersion the version of the contract's KPI framework the value was submitted under
 * @param band             the value's rating under that version (exact, from the fraction where one was given):
 *                         STRETCH, GREEN, AMBER or RED
 */
@PublishedEvent(context = Context.KPI, name = "KpiSubmitted", version = 1)
public record KpiSubmitted(
        String contractId,
        YearMonth period,
        String kpiCode,
        String district,
        BigDecimal value,
        Long numerator,
        Long denominator,
        String source,
        int frameworkVersion,
        String band) {
}
