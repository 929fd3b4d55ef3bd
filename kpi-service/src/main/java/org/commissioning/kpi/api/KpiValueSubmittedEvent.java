package org.commissioning.kpi.api;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * Stored event: one value of a return; published as {@code KpiSubmitted.v1}.
 *
 * @param value the value given, or for a fraction 100 * numerator / denominator rounded half up to 2 decimals
 * @param band  the exact rating under {@code frameworkVersion}
 */
@Revision("1")
public record KpiValueSubmittedEvent(
        String returnId,
        String contractId,
        YearMonth period,
        int frameworkVersion,
        String kpiCode,
        String district,
        KpiUnit unit,
        BigDecimal value,
        Long numerator,
        Long denominator,
        Rating band) {
}
