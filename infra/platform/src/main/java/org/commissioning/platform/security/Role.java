package org.commissioning.platform.security;

import java.util.Optional;

/** The platform's roles, as the issuer names them in the token's roles claim (SECURITY.md has what each may do). */
public enum Role {
    COMMISSIONING_OFFICER,
    PROVIDER,
    AUDITOR,
    VIEWER,
    OPERATOR;

    /** The Spring Security authority of this role ({@code ROLE_AUDITOR}), for {@code hasRole("AUDITOR")}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role of this name; empty for a role the platform does not know (Keycloak's default roles, say). */
    public static Optional<Role> of(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
