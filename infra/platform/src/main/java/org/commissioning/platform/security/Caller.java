package org.commissioning.platform.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, as the validated token says: the subject (the actor recorded on commands and events), a display
 * name, the platform roles and, for a provider's staff, the provider organisation the caller is bound to.
 */
public record Caller(String subject, String displayName, Set<Role> roles, Optional<String> provider) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The caller of the current request; empty when nobody is authenticated (a public path, a consumer, a scan). */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication caller) {
            return Optional.of(caller.caller());
        }
        if (authentication instanceof TrustedCallerFilter.TrustedCallerAuthentication trusted) {
            return Optional.of(trusted.caller());
        }
        return Optional.empty();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... anyOf) {
        for (Role role : anyOf) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The caller a service with security switched off ({@code platform.security.enabled=false}) trusts: whoever
     * {@code X-Actor} names, with every role but {@code PROVIDER}, bound to no provider. Only for a network where
     * every caller is trusted (tests); the launcher and compose switch security on.
     */
    public static Caller trusted(String actor) {
        return new Caller(actor, actor, EnumSet.complementOf(EnumSet.of(Role.PROVIDER)), Optional.empty());
    }

    /** A provider's staff see and act for their own provider only (one without a provider, for none). */
    public boolean isConfinedToProvider() {
        return hasRole(Role.PROVIDER);
    }

    /** True unless the caller is confined to a provider other than {@code providerName}. */
    public boolean mayActFor(String providerName) {
        return !isConfinedToProvider() || provider.map(p -> p.equals(providerName)).orElse(false);
    }

    /** Refused with 403 (a problem that does not name the role missing) unless the caller has one of the roles. */
    public Caller require(Role... anyOf) {
        if (!hasAnyRole(anyOf)) {
            throw new AccessDeniedException("Caller " + subject + " lacks the role for this request");
        }
        return this;
    }
}
