package org.commissioning.deepdive.api;

import java.util.Arrays;

import org.commissioning.platform.domain.RuleViolationException;

/** The Early Help / Ofsted four-point scale, best first. */
public enum Grade {
    OUTSTANDING,
    GOOD,
    REQUIRES_IMPROVEMENT,
    INADEQUATE;

    /**
     * The grade named {@code value}.
     *
     * @throws RuleViolationException {@code grade-on-scale}, naming {@code field}, for any other value
     */
    public static Grade parse(String value, String field) {
        return Arrays.stream(values()).filter(g -> g.name().equals(value)).findFirst().orElseThrow(() ->
                new RuleViolationException("grade-on-scale", field, "A grade is one of "
                        + Arrays.toString(values()) + "; got " + value));
    }

    public boolean isWorseThan(Grade other) {
        return ordinal() > other.ordinal();
    }

    /** One step better, or this grade if it is the best. */
    public Grade oneStepBetter() {
        return this == OUTSTANDING ? this : values()[ordinal() - 1];
    }
}
