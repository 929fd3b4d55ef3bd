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

    /** The caller of the current request; empty when security is off or nobody is authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication caller ? Optional.of(caller.caller()) : Optional.empty();
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

    /** A provider's staff see and act for their own provider only. */
    public boolean isConfinedToProvider() {
        return hasRole(Role.PROVIDER) && provider.isPresent();
    }

    /** True unless the caller is bound to a provider other than {@code providerName}. */
    public boolean mayActFor(String providerName) {
        return !isConfinedToProvider() || provider.get().equals(providerName);
    }

    /** Refused with 403 (a problem that does not name the role missing) unless the caller has one of the roles. */
    public Caller require(Role... anyOf) {
        if (!hasAnyRole(anyOf)) {
            throw new AccessDeniedException("Caller " + subject + " lacks the role for this request");
        }
        return this;
    }
}
