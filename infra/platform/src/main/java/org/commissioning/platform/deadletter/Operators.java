package org.commissioning.platform.deadletter;

import java.util.Optional;

import org.commissioning.platform.deadletter.DeadLetters.Operator;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.security.CallerAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/** The operator of the current request, whether or not the service has Spring Security on its classpath. */
final class Operators {

    private static final boolean TOKENS = ClassUtils.isPresent(
            "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken",
            Operators.class.getClassLoader());

    private Operators() {
    }

    static Operator current() {
        if (TOKENS) {
            Optional<String> subject = Tokens.subject();
            if (subject.isPresent()) {
                return new Operator(subject.get(), Optional.empty());
            }
        }
        return new Operator(CausationContext.SYSTEM, CausationContext.current().map(CausationContext::actor)
                .filter(actor -> !actor.equals("anonymous")));
    }

    /** Only loaded when the resource server is on the classpath. */
    private static final class Tokens {
        static Optional<String> subject() {
            return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller
                    ? Optional.of(caller.caller().subject()) : Optional.empty();
        }
    }
}
