package org.commissioning.contract.api;

/** The first steps of escalation (000, 1.2.6): an improvement plan, or an action plan. */
public enum PlanKind {
    IMPROVEMENT_PLAN,
    ACTION_PLAN;

    /** The words for it ({@link Vocabulary#label}). */
    public String label() {
        return Vocabulary.label(this);
    }
}
