package org.commissioning.contract.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Stored event: the contract has been rated RED for {@code threshold} or more consecutive calendar months without
 * an open improvement or action plan; escalation (a plan, then a formal warning) is due. Once per red streak.
 *
 * @param periods   the red months of the streak so far, oldest first
 * @param threshold the number of consecutive red months that makes escalation due
 */
@Revision("1")
public record EscalationDueEvent(
        String contractId,
        List<YearMonth> periods,
        int threshold,
        LocalDate dueOn) implements ContractEvent {

    public EscalationDueEvent {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }
}
