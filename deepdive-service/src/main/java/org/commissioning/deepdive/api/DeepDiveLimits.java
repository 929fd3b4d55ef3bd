package org.commissioning.deepdive.api;

/** The limits of what an officer records in a deep dive (characters, or items of a list). */
public final class DeepDiveLimits {

    /** Evidence seen for an area, its findings, the rationale of an overall grade. */
    public static final int MAX_TEXT = 4000;
    /** A reason (rescheduling, variation, cancellation), a historic record's source reference. */
    public static final int MAX_REASON = 2000;
    /** One strength, one area for improvement, one action's description. */
    public static final int MAX_ITEM = 1000;
    /** A person's name: the lead officer, an action's owner. */
    public static final int MAX_NAME = 200;
    /** Strengths, areas for improvement. */
    public static final int MAX_ITEMS = 20;
    public static final int MAX_ACTIONS = 30;

    private DeepDiveLimits() {
    }
}
