package org.commissioning.platform.domain;

/**
 * A command refused by a business rule, named so that a client can tell one refusal from another: a rule about its
 * input ({@link RuleViolationException}, 400) or about the current state of its aggregate
 * ({@link StateConflictException}, 409).
 */
public abstract class RefusedByRuleException extends RuntimeException {

    private final String rule;

    protected RefusedByRuleException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** The rule broken, e.g. {@code contract-active}; null only where a state conflict's state alone says why. */
    public String rule() {
        return rule;
    }
}
