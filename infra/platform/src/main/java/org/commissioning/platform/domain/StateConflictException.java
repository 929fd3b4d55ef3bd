package org.commissioning.platform.domain;

/**
 * A command is not allowed in the current state of its aggregate. Answered with 409 naming that state and, where
 * given, the rule the command broke, so a client can tell one refusal from another.
 */
public class StateConflictException extends RefusedByRuleException {

    private final String currentState;

    public StateConflictException(String currentState, String message) {
        this(null, currentState, message);
    }

    public StateConflictException(String rule, String currentState, String message) {
        super(rule, message);
        this.currentState = currentState;
    }

    public String currentState() {
        return currentState;
    }
}
