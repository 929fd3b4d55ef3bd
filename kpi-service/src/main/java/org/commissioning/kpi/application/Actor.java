package org.commissioning.kpi.application;

import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.domain.RuleViolationException;

/**
 * Who acts: the actor of the {@link CausationContext}, which the platform takes from the request's {@code X-Actor}
 * for now. A change that records who made it refuses an anonymous one before it reaches the return.
 */
final class Actor {

    /** What the platform's causation filter records when a request names no actor. */
    static final String ANONYMOUS = "anonymous";

    private Actor() {
    }

    static String current() {
        return CausationContext.current().map(CausationContext::actor).orElse(ANONYMOUS);
    }

    /** The actor, or {@code actor-required} naming {@code X-Actor}, where the actor comes from. */
    static String required(String whatItRecords) {
        String actor = current();
        if (actor == null || actor.isBlank() || ANONYMOUS.equals(actor)) {
            throw new RuleViolationException("actor-required", "X-Actor", whatItRecords + ": send the X-Actor header");
        }
        return actor;
    }
}
