package org.commissioning.kpi.web;

import org.commissioning.kpi.api.KpiLimits;

import jakarta.validation.constraints.Size;

/**
 * How an officer reconciled the provider's and the council's figures.
 *
 * @param district null (or left out) for the contract's total
 */
public record ResolutionRequest(
        @Size(max = KpiLimits.DISTRICT) String district,
        @Size(max = KpiLimits.REASON) String note) {
}
