package org.commissioning.platform.domain;

/**
 * A command broke a business rule about its input (an end date before the start, an unknown district).
 * Answered with 400 and the rule's name, and the field where one field is at fault.
 */
public class RuleViolationException extends RefusedByRuleException {

    private final String field;

    public RuleViolationException(String rule, String field, String message) {
        super(rule, message);
        this.field = field;
    }

    /** The request field at fault, or null when the rule spans several. */
    public String field() {
        return field;
    }
}
