package org.commissioning.kpi.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * Stored event: a figure from the council's own systems for one KPI (and district) of a month, recorded by an
 * officer to triangulate the provider's; published as {@code KpiSubmitted.v1} with source COUNCIL.
 */
@Revision("1")
public record CouncilKpiValueRecordedEvent(
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
        String recordedBy,
        Instant recordedAt) {
}
