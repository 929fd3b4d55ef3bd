package org.commissioning.rag.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An officer states where the contract's rating is heading, e.g. "on trajectory for green in the next three months".
 *
 * @param term the contract's term as known here ({@link ContractTerm#UNKNOWN} where none is): a statement is made
 *             now, so the current month must be in it
 */
public record RecordTrajectoryStatementCommand(@TargetAggregateIdentifier String contractId, Rating projectedRating,
                                               int horizonMonths, String statement, String officer,
                                               ContractTerm term) {

    /** The longest statement an officer may make, in characters. */
    public static final int MAX_STATEMENT = 2000;
    /** How far ahead a trajectory may look, in months. */
    public static final int MAX_HORIZON_MONTHS = 12;
}
