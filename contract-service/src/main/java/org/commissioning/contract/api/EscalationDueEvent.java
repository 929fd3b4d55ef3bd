package org.commissioning.contract.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Stored event: escalation (a plan, then a formal warning) is due on the contract, for one of two causes:
 * <ul>
 *   <li>{@link EscalationCause#RED_STREAK}: rated RED for {@code threshold} or more consecutive calendar months
 *       without an open improvement or action plan; once per red streak;</li>
 *   <li>{@link EscalationCause#DEEP_DIVE}: the deep dive of {@code deepDiveYear} graded the contract INADEQUATE;
 *       once per programme year ({@code periods} empty, {@code threshold} 0).</li>
 * </ul>
 * Events stored before the cause was recorded were all red streaks: they read as {@code RED_STREAK}, with the reason
 * worded from their periods.
 *
 * @param periods      the red months of the streak so far, oldest first
 * @param threshold    the number of consecutive red months that makes escalation due
 * @param reason       why escalation is due, in words
 * @param deepDiveYear the programme year of the deep dive graded INADEQUATE; null for a red streak
 */
@Revision("1")
public record EscalationDueEvent(
        String contractId,
        List<YearMonth> periods,
        int threshold,
        LocalDate dueOn,
        EscalationCause cause,
        String reason,
        Integer deepDiveYear) implements ContractEvent {

    public EscalationDueEvent {
        periods = periods == null ? List.of() : List.copyOf(periods);
        cause = cause == null ? EscalationCause.RED_STREAK : cause;
        if (reason == null && cause == EscalationCause.RED_STREAK && !periods.isEmpty()) {
            reason = redStreakReason(periods, threshold);
        }
    }

    /** Escalation due after a red streak. */
    public EscalationDueEvent(String contractId, List<YearMonth> periods, int threshold, LocalDate dueOn) {
        this(contractId, periods, threshold, dueOn, EscalationCause.RED_STREAK, null, null);
    }

    /** Escalation due because the deep dive of {@code programmeYear}, completed on {@code completedOn}, was INADEQUATE. */
    public static EscalationDueEvent inadequateDeepDive(String contractId, int programmeYear, LocalDate completedOn,
                                                        LocalDate dueOn) {
        return new EscalationDueEvent(contractId, List.of(), 0, dueOn, EscalationCause.DEEP_DIVE,
                "the " + programmeYear(programmeYear) + " deep dive graded the contract Inadequate"
                        + (completedOn == null ? "" : " (completed on " + completedOn + ")"), programmeYear);
    }

    /** A programme year as the council writes it: 2018 is {@code 2018-19}. */
    public static String programmeYear(int year) {
        return year + "-" + String.format("%02d", (year + 1) % 100);
    }

    private static String redStreakReason(List<YearMonth> periods, int threshold) {
        return "rated RED for " + periods.size() + " consecutive months (" + periods.get(0) + " to "
                + periods.get(periods.size() - 1) + ") without an improvement or action plan; threshold " + threshold
                + " months";
    }
}
