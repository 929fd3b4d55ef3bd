package org.commissioning.contract.api;

/** The first steps of escalation (000, 1.2.6): an improvement plan, or an action plan. */
public enum PlanKind {
    IMPROVEMENT_PLAN("Improvement plan"),
    ACTION_PLAN("Action plan");

    private final String label;

    PlanKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
