package org.commissioning.contract.api;

import java.util.Optional;

/**
 * The overall grade of a contract's annual deep dive, on the Early Help / Ofsted scale of {@code deepdives.events.v1}
 * ({@code DeepDiveCompleted}). INADEQUATE makes escalation due.
 */
public enum DeepDiveGrade {
    OUTSTANDING,
    GOOD,
    REQUIRES_IMPROVEMENT,
    INADEQUATE;

    /** The grade a published value names, ignoring case and surrounding blanks; empty outside the scale. */
    public static Optional<DeepDiveGrade> parse(String value) {
        return Vocabulary.parse(DeepDiveGrade.class, value);
    }
}
