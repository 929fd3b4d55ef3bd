package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.commissioning.platform.axon.SnapshotSerializer;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Aggregate snapshots in {@link AggregateTestFixture} tests: an aggregate's history built by its own commands, the
 * aggregate written and read back by the platform's {@link SnapshotSerializer}, given to a fixture as the snapshot
 * event an event store hands the repository (an event whose payload is the aggregate), and what a command decided
 * (the events applied, or the refusal) so a snapshotted aggregate can be compared with a replayed one.
 */
public final class AggregateSnapshots {

    private static final JacksonSerializer SNAPSHOTS = SnapshotSerializer.of(JsonMapper.builder()
            .findAndAddModules().build());

    private AggregateSnapshots() {
    }

    /** What a command decided: the payloads of the events it applied, or the refusal (type and message). */
    public record Decision(List<Object> events, String refusal) {
    }

    /**
     * The history {@code commands} build on {@code given}: each command is sent to a fixture given the events so
     * far, and must succeed.
     */
    public static <T> List<Object> history(Supplier<AggregateTestFixture<T>> fixtures, List<?> given,
                                           List<?> commands) {
        List<Object> history = new ArrayList<>(given);
        for (Object command : commands) {
            Decision decision = decision(fixtures.get().given(history).when(command));
            if (decision.refusal() != null) {
                throw new IllegalArgumentException(command + " was refused: " + decision.refusal());
            }
            history.addAll(decision.events());
        }
        return history;
    }

    /** The aggregate {@code history} sources, as the fixture's repository loads it. */
    public static <T> T replayed(AggregateTestFixture<T> fixture, List<?> history, String aggregateId) {
        fixture.given(history);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return fixture.getRepository().load(aggregateId).invoke(Function.identity());
        } finally {
            unitOfWork.rollback();
        }
    }

    /** The aggregate after a snapshot of it was stored and read back. */
    @SuppressWarnings("unchecked")
    public static <T> T restored(T aggregate) {
        SerializedObject<String> snapshot = SNAPSHOTS.serialize(aggregate, String.class);
        return (T) SNAPSHOTS.deserialize(snapshot);
    }

    /** A snapshot of {@code aggregate} after {@code history}: the event an event store gives instead of history. */
    public static <T> DomainEventMessage<T> snapshotEvent(T aggregate, String aggregateId, List<?> history) {
        return new GenericDomainEventMessage<>(aggregate.getClass().getSimpleName(), aggregateId,
                history.size() - 1L, restored(aggregate));
    }

    /** The JSON of a snapshot of {@code aggregate}. */
    public static String snapshotJson(Object aggregate) {
        return SNAPSHOTS.serialize(aggregate, String.class).getData();
    }

    /** The aggregate {@code history} sources holds the same state after a snapshot of it was stored and read. */
    public static <T> void assertRestoresTheSameState(AggregateTestFixture<T> fixture, List<?> history,
                                                      String aggregateId) {
        T replayed = replayed(fixture, history, aggregateId);

        T restored = restored(replayed);

        assertThat(restored).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(snapshotJson(restored)).isEqualTo(snapshotJson(replayed));
    }

    /**
     * The aggregate restored from a snapshot after {@code history} decides {@code command} exactly as the aggregate
     * replayed from {@code history}: the same events, or the same refusal.
     */
    public static <T> void assertDecidesAsReplayed(Supplier<AggregateTestFixture<T>> fixtures, List<?> history,
                                                   String aggregateId, Object command) {
        Decision fromEvents = decision(fixtures.get().given(history).when(command));

        AggregateTestFixture<T> fromSnapshot = fixtures.get();
        fromSnapshot.setReportIllegalStateChange(false);
        Decision fromTheSnapshot = decision(fromSnapshot
                .given(snapshotEvent(replayed(fixtures.get(), history, aggregateId), aggregateId, history))
                .when(command));

        assertThat(fromTheSnapshot).isEqualTo(fromEvents);
    }

    /** What the command under test decided. */
    public static Decision decision(ResultValidator<?> result) {
        List<Object> events = new ArrayList<>();
        result.expectEventsMatching(new Capture<>(item -> ((List<?>) item).forEach(
                event -> events.add(((EventMessage<?>) event).getPayload()))));
        Throwable[] refusal = {null};
        try {
            result.expectException(new Capture<>(item -> refusal[0] = (Throwable) item));
        } catch (AxonAssertionError handledNormally) {
            // no exception: the events are the decision
        }
        return new Decision(events, refusal[0] == null ? null
                : refusal[0].getClass().getName() + ": " + refusal[0].getMessage());
    }

    /** Matches anything, handing it on. */
    private static final class Capture<T> extends BaseMatcher<T> {

        private final java.util.function.Consumer<Object> into;

        Capture(java.util.function.Consumer<Object> into) {
            this.into = into;
        }

        @Override
        public boolean matches(Object item) {
            into.accept(item);
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("anything");
        }
    }
}
