package org.commissioning.contract.api;

import java.time.Instant;

/**
 * A contract's state as it stood at {@code asOf}, by the stored events' timestamps: answered like
 * {@link FindContractQuery}, empty when the contract had not been registered by then.
 */
public record ContractAsOfQuery(String contractId, Instant asOf) {
}
