package org.commissioning.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Vary the annual value and/or the end date of an active contract from an effective date, for a reason. Null leaves a value as it is.
 * <p>
 * {@code expectedVersion} is the version the caller last saw (HTTP {@code If-Match}); null to skip the check.
 */
public record VaryContractCommand(
        @TargetAggregateIdentifier String contractId,
        @TargetAggregateVersion Long expectedVersion,
        BigDecimal annualValueGbp,
        LocalDate end,
        LocalDate effectiveDate,
        String reason) {
}
