package org.commissioning.contract.api;

public enum ContractStatus {
    ACTIVE
}
