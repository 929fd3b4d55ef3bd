package org.commissioning.rag.api;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Rate a value of the contract's total (from KpiSubmitted or KpiCorrected).
 *
 * @param reportedFrameworkVersion the framework version kpi-service stamped on the value
 * @param reportedBand             the band kpi-service computed
 */
public record RateKpiValueCommand(@TargetAggregateIdentifier String contractId, YearMonth period, String kpiCode,
                                  BigDecimal value, Long numerator, Long denominator, String source,
                                  int reportedFrameworkVersion, String reportedBand, boolean correction)
        implements KpiFactCommand {
}
