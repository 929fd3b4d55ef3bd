package org.commissioning.kpi.api;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Defines a contract's first KPI framework (version 1). The application layer sends it only for a contract this
 * service knows.
 *
 * @param template the service area whose template the KPIs come from, or null
 */
public record DefineKpiFrameworkCommand(
        @TargetAggregateIdentifier String contractId,
        YearMonth effectiveFrom,
        List<KpiDefinition> kpis,
        String template) {
}
