package org.commissioning.platform.domain;

/** A command is not allowed in the current state of its aggregate. Answered with 409 naming that state. */
public class StateConflictException extends RuntimeException {

    private final String currentState;

    public StateConflictException(String currentState, String message) {
        super(message);
        this.currentState = currentState;
    }

    public String currentState() {
        return currentState;
    }
}
