package org.commissioning.contract.command;

import java.time.YearMonth;
import java.util.List;

/**
 * When escalation is due: after {@code redMonths} consecutive calendar months rated RED
 * ({@code contract.escalation.red-months}, 3 by default). A plain object, so the aggregate's fixtures register it
 * as an injectable resource; the service registers it as a bean, from which Axon injects it into command handlers.
 */
public record EscalationPolicy(int redMonths) {

    public static final int DEFAULT_RED_MONTHS = 3;

    public EscalationPolicy {
        if (redMonths < 1) {
            throw new IllegalArgumentException("Escalation needs at least 1 red month, not " + redMonths);
        }
    }

    /** Whether a streak of consecutive red months, oldest first, is long enough for escalation. */
    public boolean isDueAfter(List<YearMonth> redStreak) {
        return redStreak.size() >= redMonths;
    }
}
