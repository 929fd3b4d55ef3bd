package org.commissioning.contract.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Put an improvement plan or an action plan in place; a contract has at most one open plan.
 * <p>
 * {@code expectedVersion} is the version the caller last saw (HTTP {@code If-Match}); null to skip the check.
 */
public record StartPlanCommand(
        @TargetAggregateIdentifier String contractId,
        @TargetAggregateVersion Long expectedVersion,
        PlanKind kind,
        String reason,
        List<PlanAction> actions) {
}
