package org.commissioning.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.junit.jupiter.api.Test;

class AsOfTest {

    static final Instant T = Instant.parse("2018-05-16T10:00:00Z");

    @Test
    void readsAnInstantAndNothingForNow() {
        assertThat(AsOf.parse("2018-05-16T10:00:00Z")).isEqualTo(T);
        assertThat(AsOf.parse("2018-05-16T11:00:00+01:00")).isEqualTo(T);
        assertThat(AsOf.parse(null)).isNull();
    }

    @Test
    void refusesAMalformedInstantNamingAsOf() {
        for (String malformed : new String[] {"", "yesterday", "2018-05-16", "2018-05-16T10:00:00"}) {
            assertThatThrownBy(() -> AsOf.parse(malformed)).as(malformed)
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.rule()).isEqualTo("instant");
                        assertThat(e.field()).isEqualTo("asOf");
                    });
        }
    }

    @Test
    void refusesAnInstantInTheFutureNamingAsOf() {
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();

        assertThatThrownBy(() -> AsOf.parse(tomorrow)).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.rule()).isEqualTo("as-of-in-future");
            assertThat(e.field()).isEqualTo("asOf");
        });
    }

    @Test
    void keepsTheEventsStoredByTheInstantTheInstantItselfIncluded() {
        List<DomainEventMessage<?>> stream = List.of(event(0, "a", T.minusSeconds(60)), event(1, "b", T),
                event(2, "c", T.plusMillis(1)));

        assertThat(sequences(AsOf.of(DomainEventStream.of(stream.stream()), T))).containsExactly(0L, 1L);
        assertThat(sequences(AsOf.of(DomainEventStream.of(stream.stream()), T.minusSeconds(61)))).isEmpty();
        assertThat(sequences(AsOf.of(DomainEventStream.of(stream.stream()), null))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void takesOrLeavesTheEventsOfOneCommandTogether() {
        List<DomainEventMessage<?>> stream = List.of(event(0, "a", T.minusSeconds(60)), event(1, "b", T),
                event(2, "b", T.plusMillis(1)), event(3, "c", T.plusMillis(1)), event(4, null, T.plusMillis(2)));

        assertThat(sequences(AsOf.of(DomainEventStream.of(stream.stream()), T))).containsExactly(0L, 1L, 2L);
        assertThat(sequences(AsOf.of(DomainEventStream.of(stream.stream()), T.minusMillis(1)))).containsExactly(0L);
    }

    @Test
    void stopsAtTheFirstCommandStoredAfterTheInstantWhateverFollows() {
        List<DomainEventMessage<?>> stream = List.of(event(0, "a", T), event(1, "b", T.plusSeconds(1)),
                event(2, "c", T));

        assertThat(sequences(AsOf.of(DomainEventStream.of(stream.stream()), T))).containsExactly(0L);
    }

    private static DomainEventMessage<?> event(long sequence, String command, Instant storedAt) {
        Map<String, Object> metaData = command == null ? Map.of() : Map.of("correlationId", command);
        return new GenericDomainEventMessage<>("Thing", "thing-1", sequence, "payload " + sequence, metaData,
                UUID.randomUUID().toString(), storedAt);
    }

    private static List<Long> sequences(List<DomainEventMessage<?>> events) {
        return events.stream().map(DomainEventMessage::getSequenceNumber).toList();
    }
}
