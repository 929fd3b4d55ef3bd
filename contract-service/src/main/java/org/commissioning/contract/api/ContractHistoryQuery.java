package org.commissioning.contract.api;

/** The lifecycle of one contract, one entry per stored event, in order. */
public record ContractHistoryQuery(String contractId) {
}
