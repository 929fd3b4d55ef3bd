package org.commissioning.rag.api;

/** A version of the contract's KPI framework became known (from KpiFrameworkDefined or KpiFrameworkRevised). */
public record FrameworkRecordedEvent(String contractId, FrameworkVersion framework) {
}
