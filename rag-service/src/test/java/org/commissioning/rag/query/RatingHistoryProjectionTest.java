package org.commissioning.rag.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.readmodel.ReadModelCollections;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.KpiProjection;
import org.commissioning.rag.api.RagChangedEvent;
import org.commissioning.rag.api.RagOverriddenEvent;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RatingHistory;
import org.commissioning.rag.api.TrajectoryAssessedEvent;
import org.commissioning.rag.api.Trend;
import org.commissioning.testsupport.TestMongoTemplates;
import org.commissioning.testsupport.RetriedBatches;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Sorts;

/** The rating history as a plain object over a real MongoTemplate (the real driver, the in-process wire server). */
class RatingHistoryProjectionTest {

    static final YearMonth APR = YearMonth.of(2018, 4);
    static final Instant T0 = Instant.parse("2018-05-09T16:05:00Z");

    final RatingHistoryProjection projection =
            new RatingHistoryProjection(TestMongoTemplates.create("rating-history-test"));
    String contract;

    @BeforeEach
    void freshContract() {
        contract = UUID.randomUUID().toString();
    }

    ContractRatedEvent rated(Rating rating, String value, String reason) {
        return new ContractRatedEvent(contract, APR, rating, rating, Basis.COMPUTED, false, "worst-headline-band.v1",
                List.of(new KpiEvidence("TRIAGE", "triage", new BigDecimal(value), null, null, "PROVIDER", rating, 1)),
                List.of(), List.of(1), "rag-service", null, List.of(), reason);
    }

    static EventMessage<?> message(Object payload) {
        return new GenericEventMessage<>(payload, MetaData.with(CausationContext.ACTOR, CausationContext.SYSTEM)
                .and(CausationContext.CAUSED_BY, "nelft.performance"));
    }

    @Test
    void indexesTheServedCollectionAndEveryRebuiltOneByContractAndSequence() {
        MongoTemplate mongo = TestMongoTemplates.create("rating-history-index-test");
        RatingHistoryProjection live = new RatingHistoryProjection(mongo);
        live.ensureIndex();
        live.readModel().handlersWritingTo().apply("rating_history_1");

        for (String collection : List.of(live.liveCollection(), "rating_history_1")) {
            assertThat(mongo.getCollection(collection).listIndexes()).as(collection).anySatisfy(index -> {
                assertThat(index.getString("name")).isEqualTo(RatingHistoryProjection.CONTRACT_SEQUENCE_INDEX);
                assertThat(index.get("key", Document.class))
                        .isEqualTo(new Document("contractId", 1).append("sequence", 1));
            });
        }
    }

    @Test
    void showsEachPeriodAsItStandsAndEveryRatingRecordedInOrder() {
        projection.on(rated(Rating.RED, "66", null), message(null), 1, T0);
        projection.on(new RagChangedEvent(contract, null, Rating.RED, APR, Basis.COMPUTED, null), message(null), 2, T0);
        projection.on(rated(Rating.GREEN, "91", "re-rated after KPI TRIAGE (PROVIDER) was corrected from 66 to 91"),
                message(null), 4, T0.plusSeconds(60));

        RatingHistory history = projection.history(contract, null);

        assertThat(history.periods()).singleElement().satisfies(p -> {
            assertThat(p.rating()).isEqualTo(Rating.GREEN);
            assertThat(p.reason()).contains("corrected from 66 to 91");
            assertThat(p.evidence().get(0).value()).isEqualByComparingTo("91");
            assertThat(p.triggeredBy()).isEqualTo("system");
            assertThat(p.causedBy()).isEqualTo("nelft.performance");
        });
        assertThat(history.ratings()).extracting(r -> r.rating()).containsExactly(Rating.RED, Rating.GREEN);
        assertThat(history.current()).isEqualTo(Rating.RED);
    }

    @Test
    void asOfShowsOnlyWhatWasRecordedByThen() {
        projection.on(rated(Rating.RED, "66", null), message(null), 1, T0);
        projection.on(rated(Rating.GREEN, "91", "corrected"), message(null), 2, T0.plusSeconds(60));

        RatingHistory before = projection.history(contract, T0.plusSeconds(59));

        assertThat(before.periods()).singleElement().extracting(r -> r.rating()).isEqualTo(Rating.RED);
        assertThat(before.ratings()).hasSize(1);
        assertThat(projection.history(contract, T0.minusMillis(1)).periods()).isEmpty();
    }

    @Test
    void theSameStoredEventAppliedTwiceIsOneEntry() {
        EventMessage<?> once = message(null);
        ContractRatedEvent event = rated(Rating.RED, "66", null);
        projection.on(event, once, 1, T0);
        projection.on(event, once, 1, T0);

        assertThat(projection.entries(contract, null)).hasSize(1);
    }

    @Test
    void keepsAComputedTrajectoryWithItsProjections() {
        KpiProjection triage = new KpiProjection("TRIAGE", List.of(YearMonth.of(2018, 7), YearMonth.of(2018, 8),
                APR.plusMonths(5)), List.of(new BigDecimal("81"), new BigDecimal("90"), new BigDecimal("89")),
                new BigDecimal("4.00"), new BigDecimal("91.33"), Rating.GREEN, new BigDecimal("100"),
                Rating.AMBER, Rating.STRETCH);
        projection.on(new TrajectoryAssessedEvent(contract, APR.plusMonths(5), 3, Rating.AMBER, Rating.GREEN,
                Trend.STABLE, Basis.COMPUTED, "least-squares-6m.v1", List.of(triage), null, "rag-service"),
                message(null), 7, T0);

        RatingHistory history = projection.history(contract, null);

        assertThat(history.trajectory()).isNotNull();
        assertThat(history.trajectory().trend()).isEqualTo(Trend.STABLE);
        assertThat(history.trajectory().projectedRating()).isEqualTo(Rating.GREEN);
        assertThat(history.trajectory().horizonMonths()).isEqualTo(3);
        assertThat(history.trajectory().projections()).singleElement().isEqualTo(triage);
        assertThat(history.trajectories()).hasSize(1);
    }

    /** A database of its own for the replay test, whose collections it snapshots whole. */
    static final MongoTemplate REPLAY = TestMongoTemplates.create("rating-history-replay-test");

    /** A stored event as a tracking processor delivers it: the message (its id is the stored event's), sequence, time. */
    record Stored(EventMessage<?> message, long sequence, Instant at) {
    }

    static void apply(RatingHistoryProjection projection, List<Stored> events) {
        for (Stored e : events) {
            Object payload = e.message().getPayload();
            if (payload instanceof ContractRatedEvent rated) {
                projection.on(rated, e.message(), e.sequence(), e.at());
            } else if (payload instanceof RagChangedEvent changed) {
                projection.on(changed, e.message(), e.sequence(), e.at());
            } else if (payload instanceof RagOverriddenEvent overridden) {
                projection.on(overridden, e.message(), e.sequence(), e.at());
            } else if (payload instanceof TrajectoryAssessedEvent assessed) {
                projection.on(assessed, e.message(), e.sequence(), e.at());
            } else {
                throw new IllegalArgumentException("not handled: " + payload);
            }
        }
    }

    static ContractRatedEvent rated(String contractId, YearMonth period, Rating rating, String value, String reason) {
        return new ContractRatedEvent(contractId, period, rating, rating, Basis.COMPUTED, false,
                "worst-headline-band.v1", List.of(new KpiEvidence("TRIAGE", "triage", new BigDecimal(value), null, null,
                "PROVIDER", rating, 1)), List.of(), List.of(1), "rag-service", null, List.of("OUTCOMES"), reason);
    }

    static TrajectoryAssessedEvent trajectory(String contractId, Rating current, Rating projected, String... values) {
        YearMonth period = APR.plusMonths(5);
        KpiProjection triage = new KpiProjection("TRIAGE", List.of(period.minusMonths(2), period.minusMonths(1),
                period), List.of(new BigDecimal(values[0]), new BigDecimal(values[1]), new BigDecimal(values[2])),
                new BigDecimal("4.00"), new BigDecimal(values[2]), current, new BigDecimal("100"), current, projected);
        return new TrajectoryAssessedEvent(contractId, period, 3, current, projected, Trend.of(current, projected),
                Basis.COMPUTED, "least-squares-6m.v1", List.of(triage), "Projected " + projected, "rag-service");
    }

    /**
     * Two contracts' streams, interleaved as the store holds them, covering every event the history keeps: A rated
     * RED, overridden to AMBER by an officer, rated for May, assessed improving; B rated GREEN, re-rated AMBER after a
     * correction, assessed declining.
     */
    static List<Stored> stream(String a, String b) {
        YearMonth may = APR.plusMonths(1);
        return List.of(
                new Stored(message(rated(a, APR, Rating.RED, "66", null)), 0, T0),
                new Stored(message(new RagChangedEvent(a, null, Rating.RED, APR, Basis.COMPUTED, null)), 1,
                        T0.plusSeconds(1)),
                new Stored(message(rated(b, APR, Rating.GREEN, "91", null)), 0, T0.plusSeconds(2)),
                new Stored(message(new RagChangedEvent(b, null, Rating.GREEN, APR, Basis.COMPUTED, null)), 1,
                        T0.plusSeconds(3)),
                new Stored(message(new RagOverriddenEvent(a, APR, Rating.RED, Rating.AMBER, Rating.RED,
                        "Improvement verified at the monitoring meeting", "officer.jones", "worst-headline-band.v1")),
                        2, T0.plusSeconds(4)),
                new Stored(message(new RagChangedEvent(a, Rating.RED, Rating.AMBER, APR, Basis.OFFICER,
                        "Improvement verified at the monitoring meeting")), 3, T0.plusSeconds(5)),
                new Stored(message(rated(a, may, Rating.AMBER, "80", null)), 4, T0.plusSeconds(6)),
                new Stored(message(rated(b, APR, Rating.AMBER, "72",
                        "re-rated after KPI TRIAGE (PROVIDER) was corrected from 91 to 72")), 2, T0.plusSeconds(7)),
                new Stored(message(new RagChangedEvent(b, Rating.GREEN, Rating.AMBER, APR, Basis.COMPUTED, null)), 3,
                        T0.plusSeconds(8)),
                new Stored(message(trajectory(a, Rating.AMBER, Rating.GREEN, "80", "84", "88")), 5,
                        T0.plusSeconds(9)),
                new Stored(message(trajectory(b, Rating.AMBER, Rating.RED, "80", "76", "72")), 4,
                        T0.plusSeconds(10)));
    }

    /** A projection over empty collections (the history's, and the read-model switch, never rebuilt). */
    static RatingHistoryProjection fresh() {
        REPLAY.dropCollection(RatingHistoryProjection.COLLECTION);
        REPLAY.dropCollection(ReadModelCollections.COLLECTION);
        return new RatingHistoryProjection(REPLAY);
    }

    /** Every document of the projection's collections, each sorted by _id. */
    static List<List<Document>> snapshot() {
        List<List<Document>> collections = new ArrayList<>();
        for (String name : List.of(RatingHistoryProjection.COLLECTION, ReadModelCollections.COLLECTION)) {
            collections.add(REPLAY.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return collections;
    }

    @Test
    void endsInTheSameStateWhenABatchIsAppliedAgainAfterAFailure() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        List<Stored> events = stream(a, b);

        RatingHistoryProjection once = fresh();
        apply(once, events);
        List<List<Document>> expected = snapshot();

        // the state applied once is the one the stream makes, so the comparisons below are not vacuous
        assertThat(expected.get(0)).hasSize(events.size());
        RatingHistory historyA = once.history(a, null);
        assertThat(historyA.current()).isEqualTo(Rating.AMBER);
        assertThat(historyA.overrides()).singleElement().extracting(r -> r.ratedBy()).isEqualTo("officer.jones");
        assertThat(historyA.trajectory().trend()).isEqualTo(Trend.IMPROVING);
        RatingHistory historyB = once.history(b, null);
        assertThat(historyB.current()).isEqualTo(Rating.AMBER);
        assertThat(historyB.periods()).singleElement().extracting(r -> r.rating()).isEqualTo(Rating.AMBER);
        assertThat(historyB.trajectory().trend()).isEqualTo(Trend.DECLINING);

        RetriedBatches.assertEachRetryEndsAsOneApplication(once, events, RatingHistoryProjectionTest::fresh,
                RatingHistoryProjectionTest::apply, RatingHistoryProjectionTest::snapshot);
    }
}
