package org.commissioning.contract.command;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.commissioning.contract.api.ContractRatingRecordedEvent;
import org.commissioning.contract.api.EscalationCause;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.RecordContractRatingCommand;
import org.commissioning.platform.domain.RuleViolationException;

/**
 * The overall ratings of a contract's months as escalation reads them. Its current red streak is the consecutive
 * calendar months rated RED that end with its latest rated month; NOT_RATED, like any other rating, and a month
 * without a rating end a streak. Escalation is due once per streak (see {@link #record}).
 */
class RedStreak {

    private final TreeMap<YearMonth, Rating> ratings = new TreeMap<>();
    /** The red streaks escalation was due for, as their first and last month when it was. */
    private final List<Streak> escalated = new ArrayList<>();

    /**
     * Records a period's rating (the same rating again, or a rating of a month that has not begun, changes nothing;
     * a different one revises it), then escalation when it is due: the streak with the new rating reaches the
     * policy's threshold, {@code mayEscalate} (an active contract without an open plan) and escalation has not been
     * due for any month of this streak yet. A plan closed while the streak goes on makes escalation due at the next
     * red month.
     *
     * @return the events to apply, in order: none, the rating, or the rating and escalation
     */
    List<Object> record(RecordContractRatingCommand command, boolean mayEscalate, EscalationPolicy policy,
                        LocalDate today) {
        YearMonth period = command.period();
        if (period == null) {
            throw new RuleViolationException("period-required", "period", "period is required");
        }
        Rating previous = ratings.get(period);
        if (command.rating() == previous || Decisions.notBegun(period, today)) {
            return List.of();
        }
        List<Object> events = new ArrayList<>();
        events.add(new ContractRatingRecordedEvent(command.contractId(), period, command.rating(), previous));
        NavigableMap<YearMonth, Rating> after = new TreeMap<>(ratings);
        after.put(period, command.rating());
        List<YearMonth> streak = currentRedStreak(after);
        if (mayEscalate && policy.isDueAfter(streak) && !escalatedAlready(streak)) {
            events.add(new EscalationDueEvent(command.contractId(), streak, policy.redMonths(), today));
        }
        return events;
    }

    private static List<YearMonth> currentRedStreak(NavigableMap<YearMonth, Rating> ratings) {
        List<YearMonth> streak = new ArrayList<>();
        YearMonth month = ratings.isEmpty() ? null : ratings.lastKey();
        while (month != null && ratings.get(month) == Rating.RED) {
            streak.add(0, month);
            month = month.minusMonths(1);
        }
        return streak;
    }

    private boolean escalatedAlready(List<YearMonth> streak) {
        YearMonth first = streak.get(0);
        YearMonth last = streak.get(streak.size() - 1);
        return escalated.stream().anyMatch(s -> !s.first().isAfter(last) && !s.last().isBefore(first));
    }

    private record Streak(YearMonth first, YearMonth last) {
    }

    @EventSourcingHandler
    void on(ContractRatingRecordedEvent event) {
        ratings.put(event.period(), event.rating());
    }

    @EventSourcingHandler
    void on(EscalationDueEvent event) {
        if (event.cause() != EscalationCause.RED_STREAK || event.periods().isEmpty()) {
            return;
        }
        escalated.add(new Streak(event.periods().get(0), event.periods().get(event.periods().size() - 1)));
    }
}
