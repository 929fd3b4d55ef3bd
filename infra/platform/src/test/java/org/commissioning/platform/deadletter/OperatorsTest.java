package org.commissioning.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.security.Caller;
import org.commissioning.platform.security.CallerAuthentication;
import org.commissioning.platform.security.Role;
import org.commissioning.platform.security.TrustedCallerFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who an audited discard names: the token's subject, or {@code system} when no token was checked. */
class OperatorsTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void namesTheTokensSubjectWhenSecurityIsOn() {
        Caller operator = new Caller("operator.lee", "Lee Operator", EnumSet.of(Role.OPERATOR), Optional.empty());
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "none").subject("operator.lee")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt, List.of(), operator));

        new CausationContext("someone.else", "corr").run(() ->
                assertThat(Operators.current()).isEqualTo(new DeadLetters.Operator("operator.lee", Optional.empty())));
    }

    @Test
    void namesTheSystemAndKeepsTheClaimedActorWhenSecurityIsOff() {
        SecurityContextHolder.getContext().setAuthentication(
                new TrustedCallerFilter.TrustedCallerAuthentication(Caller.trusted("officer.jones")));

        new CausationContext("officer.jones", "corr").run(() -> assertThat(Operators.current())
                .isEqualTo(new DeadLetters.Operator("system", Optional.of("officer.jones"))));
        assertThat(Operators.current()).as("no X-Actor").isEqualTo(new DeadLetters.Operator("system", Optional.empty()));
    }
}
