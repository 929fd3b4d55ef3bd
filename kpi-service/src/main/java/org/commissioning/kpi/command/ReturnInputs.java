package org.commissioning.kpi.command;

import java.util.List;

import org.commissioning.kpi.api.KpiLimits;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.platform.domain.RuleViolationException;

/** The checks of what a return's commands are given besides the values themselves: counts, texts, the actor. */
final class ReturnInputs {

    private ReturnInputs() {
    }

    /** 1 to {@link KpiLimits#VALUES_PER_RETURN} values. */
    static void requireValues(List<SubmittedValue> values, String whenNone) {
        if (values == null || values.isEmpty()) {
            throw new RuleViolationException("values-required", "values", whenNone);
        }
        if (values.size() > KpiLimits.VALUES_PER_RETURN) {
            throw new RuleViolationException("values-too-many", "values", "A month takes at most "
                    + KpiLimits.VALUES_PER_RETURN + " values (a total and a value per district for each KPI); got "
                    + values.size());
        }
    }

    /**
     * A text that must be given, at most {@link KpiLimits#REASON} characters: {@code <field>-required},
     * {@code <field>-too-long}.
     */
    static String requireText(String text, String field, String whenNone) {
        if (text == null || text.isBlank()) {
            throw new RuleViolationException(field + "-required", field, whenNone);
        }
        if (text.length() > KpiLimits.REASON) {
            throw new RuleViolationException(field + "-too-long", field, "A " + field + " is at most "
                    + KpiLimits.REASON + " characters; got " + text.length());
        }
        return text.trim();
    }

    /** Who made a change: a change to a return is attributable ({@code actor-required}, naming the command's field). */
    static void requireActor(String actor, String field, String message) {
        if (actor == null || actor.isBlank()) {
            throw new RuleViolationException("actor-required", field, message);
        }
    }
}
