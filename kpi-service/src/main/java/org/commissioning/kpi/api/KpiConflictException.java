package org.commissioning.kpi.api;

import org.commissioning.platform.domain.StateConflictException;

/** A state conflict (409) that also names the rule, so each refusal of a command can be told apart by clients. */
public class KpiConflictException extends StateConflictException {

    private final String rule;

    public KpiConflictException(String rule, String currentState, String message) {
        super(currentState, message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
