package org.commissioning.rag.api;

/**
 * A command carrying what kpi-service published about a contract's KPIs (a framework version, a value of the
 * contract's total, a discrepancy or its resolution). Each is idempotent: a fact the contract's ratings already
 * hold changes nothing, so a redelivered event is harmless.
 */
public sealed interface KpiFactCommand
        permits RecordFrameworkCommand, RateKpiValueCommand, FlagKpiDiscrepancyCommand, ResolveKpiDiscrepancyCommand {

    String contractId();
}
