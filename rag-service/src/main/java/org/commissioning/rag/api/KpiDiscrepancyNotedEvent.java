package org.commissioning.rag.api;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A KPI value of the contract's total is not validated (its figures differ beyond tolerance): ratings resting on it are provisional. */
public record KpiDiscrepancyNotedEvent(String contractId, YearMonth period, String kpiCode, BigDecimal providerValue,
                                       BigDecimal councilValue) {
}
