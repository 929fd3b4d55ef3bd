package org.commissioning.rag.application;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.commissioning.rag.api.RateKpiValueCommand;

/**
 * A KPI value of a contract's total as kpi-service published it (submitted or corrected).
 *
 * @param reportedFrameworkVersion the framework version kpi-service stamped on the value
 * @param reportedBand             the band kpi-service computed
 */
public record KpiFigure(String contractId, YearMonth period, String kpiCode, BigDecimal value, Long numerator,
                        Long denominator, String source, int reportedFrameworkVersion, String reportedBand) {

    RateKpiValueCommand toCommand(boolean correction) {
        return new RateKpiValueCommand(contractId, period, kpiCode, value, numerator, denominator, source,
                reportedFrameworkVersion, reportedBand, correction);
    }
}
