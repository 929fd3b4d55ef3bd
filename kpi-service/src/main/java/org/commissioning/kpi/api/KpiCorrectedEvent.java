package org.commissioning.kpi.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/** Stored event: a value of a return was corrected; published as {@code KpiCorrected.v1}. */
@Revision("1")
public record KpiCorrectedEvent(
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
        Rating band,
        BigDecimal previousValue,
        Long previousNumerator,
        Long previousDenominator,
        String reason,
        String correctedBy,
        Instant correctedAt) {
}
