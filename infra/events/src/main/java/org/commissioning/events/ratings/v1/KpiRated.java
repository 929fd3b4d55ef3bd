package org.commissioning.events.ratings.v1;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A KPI value of a contract's total (district breakdowns are not rated) was rated by rag-service against the band
 * table of the framework version in force for its period.
 *
 * @param value            the value as kpi-service published it (a correction's new value)
 * @param numerator        null unless the percentage was given as a fraction
 * @param denominator      null unless the percentage was given as a fraction
 * @param source           PROVIDER or COUNCIL
 * @param frameworkVersion the framework (band table) version the value was rated against
 * @param band             the band rag-service derived: STRETCH, GREEN, AMBER or RED
 * @param reportedBand     the band kpi-service published with the value (differs from {@code band} only on a fault)
 * @param headline         whether the KPI is a headline KPI of that framework version
 * @param correction       true when the value is a correction ({@code KpiCorrected}) of an earlier value
 */
@PublishedEvent(context = Context.RATINGS, name = "KpiRated", version = 1)
public record KpiRated(
        String contractId,
        YearMonth period,
        String kpiCode,
        BigDecimal value,
        Long numerator,
        Long denominator,
        String source,
        int frameworkVersion,
        String band,
        String reportedBand,
        boolean headline,
        boolean correction) {
}
