package org.commissioning.contract.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Use the contract's one extension: to {@code end}, or to the furthest date the extension allows when null.
 * <p>
 * {@code expectedVersion} is the version the caller last saw (HTTP {@code If-Match}); null to skip the check.
 */
public record ExtendContractCommand(
        @TargetAggregateIdentifier String contractId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate end,
        String reason) {
}
