package org.commissioning.platform.security;

import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The checks every use case makes before it reads or changes anything, in this order: a caller (401 without one),
 * a {@link Permission} (403, naming nothing), then, for one contract, the provider the caller is confined to (the
 * use case's own not-found, so a provider cannot learn that another provider's contract exists).
 */
public final class Access {

    private Access() {
    }

    /** The caller of the current request. */
    public static Caller caller() {
        return Caller.current().orElseThrow(() ->
                new AuthenticationCredentialsNotFoundException("No authenticated caller"));
    }

    /** The caller, if it holds {@code permission}. */
    public static Caller require(Permission permission) {
        Caller caller = caller();
        if (!permission.grantedTo(caller)) {
            throw new AccessDeniedException("Caller " + caller.subject() + " lacks " + permission);
        }
        return caller;
    }

    /**
     * The caller, if it holds {@code permission} and may see the contract of {@code provider}; a caller confined to
     * another provider gets {@code notFound}, exactly what a contract that does not exist answers.
     */
    public static Caller requireFor(Permission permission, String provider,
                                    Supplier<? extends RuntimeException> notFound) {
        Caller caller = require(permission);
        if (!caller.mayActFor(provider)) {
            throw notFound.get();
        }
        return caller;
    }

    /** Whether the current caller, holding {@code permission}, may see the contract of {@code provider} (lists). */
    public static boolean mayRead(Permission permission, String provider) {
        return Caller.current().filter(permission::grantedTo).map(c -> c.mayActFor(provider)).orElse(false);
    }
}
