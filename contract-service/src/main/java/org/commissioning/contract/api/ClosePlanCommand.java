package org.commissioning.contract.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Close the contract's open plan, recording its outcome.
 * <p>
 * {@code expectedVersion} is the version the caller last saw (HTTP {@code If-Match}); null to skip the check.
 */
public record ClosePlanCommand(
        @TargetAggregateIdentifier String contractId,
        @TargetAggregateVersion Long expectedVersion,
        String outcome) {
}
