package org.commissioning.contract.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record on a contract that its deep dive of {@code programmeYear} recommended a formal variation (from deep dives'
 * {@code VariationRecommended}), once per programme year. A recommendation only: the officer decides any variation.
 */
public record RecordVariationRecommendationCommand(
        @TargetAggregateIdentifier String contractId,
        int programmeYear,
        String reason) {
}
