package org.commissioning.platform.security;

import java.io.IOException;

import org.commissioning.platform.domain.CausationContext;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * With security switched off, every request is made by {@link Caller#trusted} the actor the platform's
 * CausationFilter took from {@code X-Actor}, so use cases ask {@link Access} the same questions either way.
 */
public class TrustedCallerFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String actor = CausationContext.current().map(CausationContext::actor)
                .orElse(AuthenticatedActorFilter.ANONYMOUS);
        SecurityContextHolder.getContext().setAuthentication(new TrustedCallerAuthentication(Caller.trusted(actor)));
        chain.doFilter(request, response);
    }

    /** The trusted caller as Spring Security's authentication. */
    public static final class TrustedCallerAuthentication extends AbstractAuthenticationToken {

        private final Caller caller;

        public TrustedCallerAuthentication(Caller caller) {
            super(caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.caller = caller;
            setAuthenticated(true);
        }

        public Caller caller() {
            return caller;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller.subject();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TrustedCallerAuthentication that && caller.equals(that.caller);
        }

        @Override
        public int hashCode() {
            return caller.hashCode();
        }
    }
}
