package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every snapshotted aggregate is held to, as a test class to extend: a long history (built by the aggregate's
 * own commands, see {@link AggregateSnapshots#history}) is long enough to be snapshotted, the aggregate restored from
 * its snapshot holds the same state as the one replayed from its events, and it decides each command of the
 * subclass's static {@code nextCommands()} exactly as the replayed one.
 *
 * @param <T> the aggregate
 */
public abstract class AggregateSnapshotContract<T> {

    /** The number of events after which the platform snapshots an aggregate by default. */
    public static final int SNAPSHOT_THRESHOLD = 50;

    private final Supplier<AggregateTestFixture<T>> fixture;
    private final List<Object> history;
    private final String aggregateId;

    /**
     * @param fixture     a new fixture of the aggregate with its injectable resources
     * @param history     the events of a long history of one aggregate
     * @param aggregateId that aggregate's id
     */
    protected AggregateSnapshotContract(Supplier<AggregateTestFixture<T>> fixture, List<Object> history,
                                        String aggregateId) {
        this.fixture = fixture;
        this.history = history;
        this.aggregateId = aggregateId;
    }

    @Test
    void aLongHistoryIsSnapshottedAfterFiftyEvents() {
        assertThat(history).hasSizeGreaterThan(SNAPSHOT_THRESHOLD);
    }

    @Test
    void holdsTheSameStateAfterASnapshotAsReplayed() {
        AggregateSnapshots.assertRestoresTheSameState(fixture.get(), history, aggregateId);
    }

    @ParameterizedTest
    @MethodSource("nextCommands")
    void decidesTheNextCommandAsTheReplayedAggregate(Object command) {
        AggregateSnapshots.assertDecidesAsReplayed(fixture, history, aggregateId, command);
    }
}
