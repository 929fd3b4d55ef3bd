package org.commissioning.kpi.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/** Stored event: an officer resolved an open discrepancy with a note; published as {@code KpiDiscrepancyResolved.v1}. */
@Revision("1")
public record KpiDiscrepancyResolvedEvent(
        String returnId,
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
