package org.commissioning.events.contracts.v1;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract has been rated RED for {@code threshold} or more consecutive calendar months without an open
 * improvement or action plan: escalation is due. Published once per red streak.
 *
 * @param periods   the red months of the streak, oldest first
 * @param threshold the consecutive red months that make escalation due
 * @param dueOn     the date escalation fell due
 */
@PublishedEvent(context = Context.CONTRACTS, name = "EscalationDue", version = 1)
public record EscalationDue(
        String contractId,
        List<YearMonth> periods,
        int threshold,
        LocalDate dueOn) {

    public EscalationDue {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }
}
