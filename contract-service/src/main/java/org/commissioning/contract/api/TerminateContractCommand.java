package org.commissioning.contract.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * End an active contract before its end date.
 * <p>
 * {@code expectedVersion} is the version the caller last saw (HTTP {@code If-Match}); null to skip the check.
 */
public record TerminateContractCommand(
        @TargetAggregateIdentifier String contractId,
        @TargetAggregateVersion Long expectedVersion,
        TerminationInitiator initiatedBy,
        LocalDate effectiveDate,
        String reason) {
}
