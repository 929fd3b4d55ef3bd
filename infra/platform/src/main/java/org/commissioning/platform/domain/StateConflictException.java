package org.commissioning.platform.domain;

/**
 * A command is not allowed in the current state of its aggregate. Answered with 409 naming that state and, where
 * given, the rule the command broke, so a client can tell one refusal from another.
 */
public class StateConflictException extends RuntimeException {

    private final String rule;
    private final String currentState;

    public StateConflictException(String currentState, String message) {
        this(null, currentState, message);
    }

    public StateConflictException(String rule, String currentState, String message) {
        super(message);
        this.rule = rule;
        this.currentState = currentState;
    }

    /** The rule broken, or null where the state alone says why. */
    public String rule() {
        return rule;
    }

    public String currentState() {
        return currentState;
    }
}
