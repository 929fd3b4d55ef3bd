package org.commissioning.kpi.application;

import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.security.TrustedCallerFilter;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who acts: the actor of the {@link CausationContext}, which is the caller's subject: the bearer token's with
 * security on, whoever {@code X-Actor} names with it off. A change that records who made it refuses an anonymous
 * one before it reaches the return.
 */
final class Actor {

    /** What the platform's causation filter records when a request names no actor. */
    static final String ANONYMOUS = "anonymous";

    private Actor() {
    }

    static String current() {
        return CausationContext.current().map(CausationContext::actor).orElse(ANONYMOUS);
    }

    /**
     * The actor, or {@code actor-required}: naming {@code X-Actor} for a trusted caller (security off), where the
     * actor comes from; naming {@code Authorization} for a token whose subject is no one who can be recorded.
     */
    static String required(String whatItRecords) {
        String actor = current();
        if (actor == null || actor.isBlank() || ANONYMOUS.equals(actor)) {
            if (SecurityContextHolder.getContext().getAuthentication()
                    instanceof TrustedCallerFilter.TrustedCallerAuthentication) {
                throw new RuleViolationException("actor-required", "X-Actor",
                        whatItRecords + ": send the X-Actor header");
            }
            throw new RuleViolationException("actor-required", "Authorization", whatItRecords
                    + ": the subject of the bearer token names no one who can be recorded");
        }
        return actor;
    }
}
