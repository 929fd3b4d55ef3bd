package org.commissioning.kpi.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An officer resolves the open discrepancy of a KPI (and district, null for the total) with a note. */
public record ResolveKpiDiscrepancyCommand(
        @TargetAggregateIdentifier String returnId,
        String kpiCode,
        String district,
        String note,
        String resolvedBy) {
}
