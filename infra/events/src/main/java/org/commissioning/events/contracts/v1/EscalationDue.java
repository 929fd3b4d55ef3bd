package org.commissioning.events.contracts.v1;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * Escalation is due on a contract, for one of two causes ({@code cause}):
 * <ul>
 *   <li>{@code RED_STREAK}: rated RED for {@code threshold} or more consecutive calendar months without an open
 *       improvement or action plan; published once per red streak;</li>
 *   <li>{@code DEEP_DIVE}: the contract's deep dive of {@code deepDiveYear} was graded INADEQUATE overall; published
 *       once per programme year, with {@code periods} empty and {@code threshold} 0.</li>
 * </ul>
 * {@code cause}, {@code reason} and {@code deepDiveYear} were added to version 1; a record without them is a red
 * streak.
 *
 * @param periods      the red months of the streak, oldest first
 * @param threshold    the consecutive red months that make escalation due
 * @param dueOn        the date escalation fell due
 * @param cause        RED_STREAK or DEEP_DIVE
 * @param reason       why escalation is due, in words
 * @param deepDiveYear the programme year of the deep dive graded INADEQUATE (2018 for 2018-19); null for a red streak
 */
@PublishedEvent(context = Context.CONTRACTS, name = "EscalationDue", version = 1)
public record EscalationDue(
        String contractId,
        List<YearMonth> periods,
        int threshold,
        LocalDate dueOn,
        String cause,
        String reason,
        Integer deepDiveYear) {

    public EscalationDue {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }
}
