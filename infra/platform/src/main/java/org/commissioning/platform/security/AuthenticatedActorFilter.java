package org.commissioning.platform.security;

import java.util.UUID;

import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.web.CausationFilter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * With security on, the actor of a request is the authenticated subject, whatever {@code X-Actor} says: runs in
 * the security filter chain after the token was validated and replaces the actor the platform's CausationFilter
 * took from the header with the subject and its display name with the token's name, keeping its correlation id.
 * A request without a caller (a public path) acts as {@code anonymous}.
 */
public class AuthenticatedActorFilter extends CausationFilter {

    public static final String ANONYMOUS = "anonymous";

    @Override
    protected String actorOf(HttpServletRequest request) {
        return Caller.current().map(Caller::subject).orElse(ANONYMOUS);
    }

    @Override
    protected String actorNameOf(HttpServletRequest request, String actor) {
        return Caller.current().map(Caller::displayName).orElse(actor);
    }

    @Override
    protected String correlationOf(HttpServletRequest request) {
        return CausationContext.current().map(CausationContext::correlationId)
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
