package org.commissioning.contract.api;

/**
 * Where a contract is in its life. ACTIVE until it is terminated (by either side or by agreement) or reaches its
 * end date and is expired; a terminated or expired contract is then recommissioned, once.
 */
public enum ContractStatus {
    ACTIVE,
    TERMINATED,
    EXPIRED,
    RECOMMISSIONED
}
