package org.commissioning.contract.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Name the council's lead officer and the contract manager of a contract.
 * <p>
 * {@code expectedVersion} is the version the caller last saw (HTTP {@code If-Match}); null to skip the check.
 */
public record AssignContractOfficersCommand(
        @TargetAggregateIdentifier String contractId,
        @TargetAggregateVersion Long expectedVersion,
        String leadOfficer,
        String contractManager) {
}
