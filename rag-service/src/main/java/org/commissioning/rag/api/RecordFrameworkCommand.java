package org.commissioning.rag.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordFrameworkCommand(@TargetAggregateIdentifier String contractId, FrameworkVersion framework)
        implements KpiFactCommand {
}
