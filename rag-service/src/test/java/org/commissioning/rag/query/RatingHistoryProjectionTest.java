package org.commissioning.rag.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.KpiProjection;
import org.commissioning.rag.api.RagChangedEvent;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RatingHistory;
import org.commissioning.rag.api.TrajectoryAssessedEvent;
import org.commissioning.rag.api.Trend;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
