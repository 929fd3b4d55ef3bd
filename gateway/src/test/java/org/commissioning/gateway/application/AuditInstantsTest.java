package org.commissioning.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.commissioning.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class AuditInstantsTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    final AuditInstants instants = new AuditInstants(LONDON,
            Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), LONDON));

    @Test
    void readsAPickersDateAndTimeInTheCouncilsZoneWithSummerTime() {
        assertThat(instants.parse("asOf", "2018-05-16T11:00")).isEqualTo(Instant.parse("2018-05-16T10:00:00Z"));
        assertThat(instants.parse("asOf", "2018-12-16T11:00:30")).isEqualTo(Instant.parse("2018-12-16T11:00:30Z"));
        assertThat(instants.local(Instant.parse("2018-05-16T10:00:00.250Z"))).isEqualTo("2018-05-16T11:00");
        assertThat(instants.shown(Instant.parse("2018-05-16T10:00:05Z"))).isEqualTo("16 May 2018, 11:00:05");
    }

    @Test
    void takesAnInstantWithItsOffsetAsTheApiDoesAndNothingForBlank() {
        assertThat(instants.parse("to", "2018-05-16T10:00:00Z")).isEqualTo(Instant.parse("2018-05-16T10:00:00Z"));
        assertThat(instants.parse("to", " ")).isNull();
        assertThat(instants.parse("to", null)).isNull();
    }

    @Test
    void refusesAMalformedOrFutureInstantNamingThePagesField() {
        assertThatThrownBy(() -> instants.parse("from", "yesterday")).isInstanceOfSatisfying(
                RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("from");
                    assertThat(e.rule()).isEqualTo("instant");
                });
        assertThatThrownBy(() -> instants.parse("to", "2026-12-02T09:00:01")).isInstanceOfSatisfying(
                RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("to");
                    assertThat(e.rule()).isEqualTo("as-of-in-future");
                    assertThat(e.getMessage()).contains("2 Dec 2026, 09:00:00 (Europe/London time)");
                });
    }
}
