package org.commissioning.kpi.web;

/**
 * How an officer reconciled the provider's and the council's figures.
 *
 * @param district null (or left out) for the contract's total
 */
public record ResolutionRequest(String district, String note) {
}
