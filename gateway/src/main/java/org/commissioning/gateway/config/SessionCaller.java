package org.commissioning.gateway.config;

import java.io.IOException;

import org.commissioning.platform.security.CallerAuthentication;
import org.commissioning.platform.security.CallerTokenConverter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A signed-in person's request is made by the caller their access token names, checked exactly as a bearer token
 * on the API is (signature, issuer, audience, expiry; the same {@link CallerTokenConverter}), so the use cases'
 * {@code Access} checks and the owners see the same caller whether a page or a client asks. The session's login
 * itself stays as it was; the caller is set for this request only. A token that has expired ends the session:
 * a page read starts the sign-in again (silent while the issuer's own session lasts) and comes back to it;
 * anything else gets 401, with {@code HX-Redirect} for htmx.
 */
final class SessionCaller extends OncePerRequestFilter {

    private final OAuth2AuthorizedClientRepository clients;
    private final JwtDecoder decoder;
    private final CallerTokenConverter callers;

    SessionCaller(OAuth2AuthorizedClientRepository clients, JwtDecoder decoder, CallerTokenConverter callers) {
        this.clients = clients;
        this.decoder = decoder;
        this.callers = callers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken login)) {
            chain.doFilter(request, response);
            return;
        }
        CallerAuthentication caller = caller(login, request);
        if (caller == null) {
            signInAgain(login, request, response);
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(caller);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private CallerAuthentication caller(OAuth2AuthenticationToken login, HttpServletRequest request) {
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient(login.getAuthorizedClientRegistrationId(),
                login, request);
        if (client == null) {
            return null;
        }
        try {
            return callers.convert(decoder.decode(client.getAccessToken().getTokenValue()));
        } catch (JwtException | AuthenticationException invalid) {
            return null;
        }
    }

    private void signInAgain(OAuth2AuthenticationToken login, HttpServletRequest request,
                             HttpServletResponse response) throws IOException {
        clients.removeAuthorizedClient(login.getAuthorizedClientRegistrationId(), login, request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        boolean htmx = request.getHeader("HX-Request") != null;
        if (HttpMethod.GET.matches(request.getMethod()) && !htmx && !"text/event-stream".equals(request.getHeader("Accept"))) {
            new HttpSessionRequestCache().saveRequest(request, response);
            response.sendRedirect(request.getContextPath() + "/oauth2/authorization/"
                    + IssuerClientRegistrations.REGISTRATION_ID);
            return;
        }
        if (htmx) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/");
        }
        response.sendError(HttpStatus.UNAUTHORIZED.value());
    }
}
