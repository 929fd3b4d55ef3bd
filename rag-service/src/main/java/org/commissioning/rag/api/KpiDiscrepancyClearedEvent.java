package org.commissioning.rag.api;

import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/** A discrepancy on a KPI value of the contract's total was resolved: the value counts as validated again. */
@Revision("1")
public record KpiDiscrepancyClearedEvent(String contractId, YearMonth period, String kpiCode, String note,
                                         String resolvedBy)
        implements ContractRatingEvent {
}
