package org.commissioning.platform.security;

import java.io.IOException;
import java.util.UUID;

import org.commissioning.platform.domain.CausationContext;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * With security on, the actor of a request is the authenticated subject, whatever {@code X-Actor} says: runs in
 * the security filter chain after the token was validated and replaces the actor the platform's CausationFilter
 * took from the header, keeping its correlation id. A request without a caller (a public path) acts as
 * {@code anonymous}.
 */
public class AuthenticatedActorFilter extends OncePerRequestFilter {

    public static final String ANONYMOUS = "anonymous";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String actor = Caller.current().map(Caller::subject).orElse(ANONYMOUS);
        String correlation = CausationContext.current().map(CausationContext::correlationId)
                .orElseGet(() -> UUID.randomUUID().toString());
        try {
            new CausationContext(actor, correlation).run(() -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
            });
        } catch (FilterFailure e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        }
    }

    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }
}
