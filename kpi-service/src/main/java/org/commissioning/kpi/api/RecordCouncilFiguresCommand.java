package org.commissioning.kpi.api;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Figures from the council's own systems for a month, for KPIs whose expected source is COUNCIL or BOTH. They may
 * come before or after the provider's return; each KPI and district is recorded once.
 *
 * @param recordedBy the actor of the request (an officer); required
 */
public record RecordCouncilFiguresCommand(
        @TargetAggregateIdentifier String returnId,
        String contractId,
        YearMonth period,
        List<SubmittedValue> values,
        String recordedBy,
        ContractFacts contract,
        FrameworkHistory frameworks) {
}
