package org.commissioning.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.commissioning.platform.domain.CausationContext;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Takes the actor ({@code X-Actor}, also its display name) and correlation id ({@code X-Correlation-Id}) of a
 * request, so commands and the events they cause carry them; answers with the correlation id used.
 */
public class CausationFilter extends OncePerRequestFilter {

    public static final String ACTOR_HEADER = "X-Actor";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE = Pattern.compile("[\\p{Alnum} ._@:/-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String actor = actorOf(request);
        String correlation = correlationOf(request);
        response.setHeader(CORRELATION_HEADER, correlation);
        try {
            new CausationContext(actor, actorNameOf(request, actor), correlation, null).run(() -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new WrappedException(e);
                }
            });
        } catch (WrappedException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        }
    }

    /** The actor the request claims ({@code X-Actor}); the platform's security replaces it with the caller. */
    protected String actorOf(HttpServletRequest request) {
        return safe(request.getHeader(ACTOR_HEADER), "anonymous");
    }

    /** The actor's display name: without a token, the actor as {@code X-Actor} names it. */
    protected String actorNameOf(HttpServletRequest request, String actor) {
        return actor;
    }

    protected String correlationOf(HttpServletRequest request) {
        return safe(request.getHeader(CORRELATION_HEADER), UUID.randomUUID().toString());
    }

    private static String safe(String value, String fallback) {
        return value != null && SAFE.matcher(value).matches() ? value : fallback;
    }

    private static final class WrappedException extends RuntimeException {
        WrappedException(Exception cause) {
            super(cause);
        }
    }
}
