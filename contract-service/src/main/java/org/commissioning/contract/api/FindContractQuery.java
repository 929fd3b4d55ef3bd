package org.commissioning.contract.api;

public record FindContractQuery(String contractId) {
}
