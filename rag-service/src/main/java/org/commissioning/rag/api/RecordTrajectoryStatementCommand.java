package org.commissioning.rag.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An officer states where the contract's rating is heading, e.g. "on trajectory for green in the next three months". */
public record RecordTrajectoryStatementCommand(@TargetAggregateIdentifier String contractId, Rating projectedRating,
                                               int horizonMonths, String statement, String officer) {
}
