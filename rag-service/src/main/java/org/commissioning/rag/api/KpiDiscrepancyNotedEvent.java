package org.commissioning.rag.api;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/** A KPI value of the contract's total is not validated (its figures differ beyond tolerance): ratings resting on it are provisional. */
@Revision("1")
public record KpiDiscrepancyNotedEvent(String contractId, YearMonth period, String kpiCode, BigDecimal providerValue,
                                       BigDecimal councilValue)
        implements ContractRatingEvent {
}
