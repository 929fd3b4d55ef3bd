package org.commissioning.rag.api;

import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An officer decides a period's rating against (or in confirmation of) the computed one, with a rationale.
 *
 * @param term the contract's term as known here ({@link ContractTerm#UNKNOWN} where none is): the period must be in it
 */
public record OverrideRatingCommand(@TargetAggregateIdentifier String contractId, YearMonth period, Rating rating,
                                    String rationale, String officer, ContractTerm term) {

    /** The longest rationale an officer may give, in characters. */
    public static final int MAX_RATIONALE = 4000;
}
