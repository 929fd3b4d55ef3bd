package org.commissioning.contract.api;

/** What made escalation due on a contract. */
public enum EscalationCause {
    /** {@code contract.escalation.red-months} consecutive months rated RED without an open plan. */
    RED_STREAK,
    /** A deep dive whose overall grade was INADEQUATE. */
    DEEP_DIVE
}
