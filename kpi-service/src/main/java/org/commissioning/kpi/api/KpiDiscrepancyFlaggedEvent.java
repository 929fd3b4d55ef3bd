package org.commissioning.kpi.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * Stored event: the provider's and the council's figures differ by more than the KPI's tolerance; the value is
 * not validated until resolved. Published as {@code KpiDiscrepancyFlagged.v1}.
 *
 * @param difference providerValue - councilValue
 */
@Revision("1")
public record KpiDiscrepancyFlaggedEvent(
        String returnId,
        String contractId,
        YearMonth period,
        int frameworkVersion,
        String kpiCode,
        String district,
        BigDecimal providerValue,
        BigDecimal councilValue,
        BigDecimal difference,
        BigDecimal tolerance,
        Instant flaggedAt) {
}
