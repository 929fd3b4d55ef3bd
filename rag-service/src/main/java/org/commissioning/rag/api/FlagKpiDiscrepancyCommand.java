package org.commissioning.rag.api;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider's and the council's figures of a KPI of the contract's total differ beyond tolerance (from KpiDiscrepancyFlagged). */
public record FlagKpiDiscrepancyCommand(@TargetAggregateIdentifier String contractId, YearMonth period, String kpiCode,
                                        BigDecimal providerValue, BigDecimal councilValue) implements KpiFactCommand {
}
