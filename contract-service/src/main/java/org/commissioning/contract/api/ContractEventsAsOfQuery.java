package org.commissioning.contract.api;

import java.time.Instant;

/**
 * Every stored event of one contract as the store held them at {@code asOf}, by the stored events' timestamps, in
 * sequence order, each with what the store recorded about it ({@link StoredContractEvent}); empty when the contract
 * had not been registered by then.
 */
public record ContractEventsAsOfQuery(String contractId, Instant asOf) {
}
