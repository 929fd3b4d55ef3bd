package org.commissioning.contract.api;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Decide how the service of a terminated or expired contract continues.
 * <p>
 * {@code expectedVersion} is the version the caller last saw (HTTP {@code If-Match}); null to skip the check.
 */
public record RecommissionContractCommand(
        @TargetAggregateIdentifier String contractId,
        @TargetAggregateVersion Long expectedVersion,
        RecommissioningRoute route,
        BigDecimal annualValueGbp,
        String successorContractId,
        String reason) {
}
