package org.commissioning.kpi.api;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new version of a contract's KPI framework, in force from {@code effectiveFrom} on. */
public record ReviseKpiFrameworkCommand(
        @TargetAggregateIdentifier String contractId,
        YearMonth effectiveFrom,
        List<KpiDefinition> kpis,
        String template) {
}
