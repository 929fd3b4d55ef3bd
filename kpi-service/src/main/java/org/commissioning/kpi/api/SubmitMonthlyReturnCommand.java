package org.commissioning.kpi.api;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A provider's return for one month. The web layer adds what the return is checked against: the contract as
 * this service knows it and the contract's framework versions (read from the framework's own events, so a
 * framework defined a moment ago is already there).
 *
 * @param returnId    {@link MonthlyReturnId#of(String, YearMonth)}
 * @param submittedBy the actor of the request
 */
public record SubmitMonthlyReturnCommand(
        @TargetAggregateIdentifier String returnId,
        String contractId,
        YearMonth period,
        List<SubmittedValue> values,
        String narrative,
        String submittedBy,
        ContractFacts contract,
        FrameworkHistory frameworks) {
}
