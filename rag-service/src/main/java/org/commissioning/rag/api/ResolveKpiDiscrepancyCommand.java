package org.commissioning.rag.api;

import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An officer resolved a discrepancy of a KPI of the contract's total (from KpiDiscrepancyResolved). */
public record ResolveKpiDiscrepancyCommand(@TargetAggregateIdentifier String contractId, YearMonth period,
                                           String kpiCode, String note, String resolvedBy) implements KpiFactCommand {
}
