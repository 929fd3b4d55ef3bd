package org.commissioning.contract.api;

import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a contract's overall rating for a period (from ratings' {@code ContractRated}). Idempotent per period:
 * the same rating for a period already recorded changes nothing.
 */
public record RecordContractRatingCommand(
        @TargetAggregateIdentifier String contractId,
        YearMonth period,
        Rating rating) {
}
