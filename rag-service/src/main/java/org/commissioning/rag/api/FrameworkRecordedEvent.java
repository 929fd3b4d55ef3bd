package org.commissioning.rag.api;

import org.axonframework.serialization.Revision;

/** A version of the contract's KPI framework became known (from KpiFrameworkDefined or KpiFrameworkRevised). */
@Revision("1")
public record FrameworkRecordedEvent(String contractId, FrameworkVersion framework)
        implements ContractRatingEvent {
}
