package org.commissioning.kpi.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A provider's return for one month. The application layer adds what the return is checked against: the contract as
 * this service knows it and the contract's framework versions (read from the framework's own events, so a
 * framework defined a moment ago is already there).
 *
 * @param returnId    {@link MonthlyReturnId#of(String, YearMonth)}
 * @param submittedBy the actor of the request
 * @param dueDate     when the return was due ({@code kpi.returns.due-day-of-next-month} of the next month), set by
 *                    the application layer; a return submitted after it is recorded as late, and as overdue if
 *                    the scan has not yet found it so. Null (only in tests of other rules) leaves lateness unjudged.
 */
public record SubmitMonthlyReturnCommand(
        @TargetAggregateIdentifier String returnId,
        String contractId,
        YearMonth period,
        List<SubmittedValue> values,
        String narrative,
        String submittedBy,
        ContractFacts contract,
        FrameworkHistory frameworks,
        LocalDate dueDate) {

    /** A return whose lateness is not judged. */
    public SubmitMonthlyReturnCommand(String returnId, String contractId, YearMonth period, List<SubmittedValue> values,
                                      String narrative, String submittedBy, ContractFacts contract,
                                      FrameworkHistory frameworks) {
        this(returnId, contractId, period, values, narrative, submittedBy, contract, frameworks, null);
    }
}
