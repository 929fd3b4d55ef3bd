package org.commissioning.contract.application;

/** The result of a change to a contract: the contract and its version after it (the ETag of the answer). */
public record ContractChanged(String contractId, long version) {
}
