package org.commissioning.rag.api;

import java.time.YearMonth;

/** A discrepancy on a KPI value of the contract's total was resolved: the value counts as validated again. */
public record KpiDiscrepancyClearedEvent(String contractId, YearMonth period, String kpiCode, String note,
                                         String resolvedBy) {
}
