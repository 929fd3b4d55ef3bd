package org.commissioning.contract.api;

import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Authorise the payment of one period. A period has one decision; a later one must give {@code supersedingReason}.
 * <p>
 * {@code expectedVersion} is the version the caller last saw (HTTP {@code If-Match}); null to skip the check.
 */
public record AuthorisePaymentCommand(
        @TargetAggregateIdentifier String contractId,
        @TargetAggregateVersion Long expectedVersion,
        YearMonth period,
        String rationale,
        String supersedingReason) {
}
