package org.commissioning.contract.api;

import java.time.Instant;

/**
 * The lifecycle of one contract as it stood at {@code asOf}, by the stored events' timestamps: the entries of
 * {@link ContractHistoryQuery} stored by then, in order.
 */
public record ContractHistoryAsOfQuery(String contractId, Instant asOf) {
}
