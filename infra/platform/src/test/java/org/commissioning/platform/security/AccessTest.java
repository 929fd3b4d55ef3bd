package org.commissioning.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.commissioning.platform.domain.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

class AccessTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void refusesAUseCaseWithoutACallerAsUnauthenticated() {
        assertThatThrownBy(() -> Access.require(Permission.READ_SUMMARIES))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void refusesAnAuditorsWriteWithoutNamingThePermissionToTheCaller() {
        as(caller(Role.AUDITOR, null));

        assertThatThrownBy(() -> Access.require(Permission.MANAGE_CONTRACTS))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(Access.require(Permission.AUDIT).subject()).isEqualTo("someone");
    }

    @Test
    void answersAProviderAskingForAnotherProvidersContractAsNotFound() {
        as(caller(Role.PROVIDER, "NELFT"));

        assertThat(Access.requireFor(Permission.SUBMIT_RETURNS, "NELFT", () -> new NotFoundException("x")))
                .isNotNull();
        assertThatThrownBy(() -> Access.requireFor(Permission.SUBMIT_RETURNS, "Sk8side",
                () -> new NotFoundException("Contract not found"))).isInstanceOf(NotFoundException.class)
                .hasMessage("Contract not found");
        assertThat(Access.mayRead(Permission.READ_SUMMARIES, "NELFT")).isTrue();
        assertThat(Access.mayRead(Permission.READ_SUMMARIES, "Sk8side")).isFalse();
    }

    @Test
    void checksTheRoleBeforeTheProviderSoAProviderCannotProbeCouncilOnlyRequests() {
        as(caller(Role.PROVIDER, "NELFT"));

        assertThatThrownBy(() -> Access.requireFor(Permission.MANAGE_CONTRACTS, "Sk8side",
                () -> new NotFoundException("x"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void confinesAProviderWithoutAProviderToNothing() {
        as(caller(Role.PROVIDER, null));

        assertThat(Access.mayRead(Permission.READ_SUMMARIES, "NELFT")).isFalse();
    }

    @Test
    void trustsEveryRoleButProviderWhenSecurityIsOff() {
        Caller trusted = Caller.trusted("officer.jones");

        assertThat(trusted.roles()).containsExactlyInAnyOrder(Role.COMMISSIONING_OFFICER, Role.AUDITOR, Role.VIEWER,
                Role.OPERATOR);
        assertThat(trusted.mayActFor("anyone")).isTrue();
    }

    private static Caller caller(Role role, String provider) {
        return new Caller("someone", "Some One", Set.copyOf(EnumSet.of(role)), Optional.ofNullable(provider));
    }

    private static void as(Caller caller) {
        SecurityContextHolder.getContext().setAuthentication(new TrustedCallerFilter.TrustedCallerAuthentication(caller));
    }
}
