package org.commissioning.rag.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.GenericEventMessage;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.RagChangedEvent;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RatingHistory;
import org.commissioning.rag.api.Rederivation;
import org.commissioning.rag.command.Bands;
import org.commissioning.rag.command.Rederiver;
import org.commissioning.rag.command.WorstHeadlineBandPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The rating history and the re-derivation check over a real MongoTemplate (the shared in-process Mongo server): a
 * correction's re-rating and its reason, {@code asOf} before the correction, and a tampered stored rating.
 */
class RatingHistoryProjectionTest {

    static final YearMonth APR = YearMonth.of(2018, 4);
    static final String TRIAGE = Bands.TRIAGE_CODE;
    static final String CRISIS = Bands.CRISIS_CODE;
    static final FrameworkVersion V1 = Bands.framework(1, APR);
    static final Instant SUBMITTED = Instant.parse("2018-05-09T16:05:00Z");
    static final Instant CORRECTED = Instant.parse("2018-05-20T09:00:00Z");

    final MongoTemplate mongo = org.commissioning.testsupport.TestMongoTemplates.create("rating-history-test");
    final RatingHistoryProjection history = new RatingHistoryProjection(mongo);
    final RatingFrameworksProjection frameworks = new RatingFrameworksProjection(mongo);
    String id;

    @BeforeEach
    void setUp() {
        mongo.dropCollection(RatingHistoryProjection.COLLECTION);
        mongo.dropCollection(RatingFrameworksProjection.COLLECTION);
        id = UUID.randomUUID().toString();
        frameworks.on(new FrameworkRecordedEvent(id, V1));
        rated(1, SUBMITTED, new ContractRatedEvent(id, APR, Rating.AMBER, Rating.AMBER, Basis.COMPUTED, false,
                WorstHeadlineBandPolicy.VERSION, List.of(evidence(TRIAGE, "97", Rating.STRETCH),
                evidence(CRISIS, "86", Rating.AMBER)), List.of(), List.of(1), "rag-service", null));
        changed(2, SUBMITTED, new RagChangedEvent(id, null, Rating.AMBER, APR, Basis.COMPUTED, null));
        rated(4, CORRECTED, new ContractRatedEvent(id, APR, Rating.GREEN, Rating.GREEN, Basis.COMPUTED, false,
                WorstHeadlineBandPolicy.VERSION, List.of(evidence(TRIAGE, "97", Rating.STRETCH),
                evidence(CRISIS, "91", Rating.GREEN)), List.of(), List.of(1), "rag-service", null,
                "re-rated after KPI " + CRISIS + " was corrected from 86 to 91"));
        changed(5, CORRECTED, new RagChangedEvent(id, Rating.AMBER, Rating.GREEN, APR, Basis.COMPUTED, null));
    }

    @Test
    void theHistorySaysAPeriodWasReRatedAfterACorrectionAndAsOfBeforeItShowsTheOldRating() {
        RatingHistory now = history.history(id, null);
        assertThat(now.current()).isEqualTo(Rating.GREEN);
        assertThat(now.periods()).singleElement().satisfies(p -> {
            assertThat(p.rating()).isEqualTo(Rating.GREEN);
            assertThat(p.reason()).isEqualTo("re-rated after KPI CRISIS-TREATED-4H was corrected from 86 to 91");
            assertThat(p.evidence().get(1).value()).isEqualByComparingTo("91");
        });

        RatingHistory before = history.history(id, CORRECTED.minusSeconds(1));
        assertThat(before.current()).isEqualTo(Rating.AMBER);
        assertThat(before.periods()).singleElement().satisfies(p -> {
            assertThat(p.rating()).isEqualTo(Rating.AMBER);
            assertThat(p.reason()).isNull();
            assertThat(p.evidence().get(1).value()).isEqualByComparingTo("86");
        });
        assertThat(before.changes()).hasSize(1);
    }

    @Test
    void anUntamperedHistoryRederivesWithoutMismatch() {
        Rederivation check = Rederiver.check(id, history.entries(id, null), frameworks.frameworks(id));
        assertThat(check.checked()).isEqualTo(2);
        assertThat(check.mismatches()).isEmpty();
    }

    @Test
    void aStoredRatingWhoseEvidenceWasTamperedWithIsReported() {
        // the stored evidence of the first rating says crisis 70 (RED) while the rating on record is AMBER
        mongo.updateFirst(Query.query(Criteria.where("contractId").is(id).and("sequence").is(1L)),
                new Update().set("evidence.1.value", new BigDecimal("70")), RatingHistoryProjection.COLLECTION);

        Rederivation check = Rederiver.check(id, history.entries(id, null), frameworks.frameworks(id));

        assertThat(check.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.period()).isEqualTo("2018-04");
            assertThat(m.sequence()).isEqualTo(1L);
            assertThat(m.recorded()).isEqualTo(Rating.AMBER);
            assertThat(m.recomputed()).isEqualTo(Rating.RED);
            assertThat(m.reasons()).contains("KPI CRISIS-TREATED-4H = 70 rates RED under framework version 1, "
                    + "recorded AMBER", "the evidence rates RED, recorded AMBER");
        });
    }

    @Test
    void aStoredComputedRatingThatWasTamperedWithIsReported() {
        mongo.updateFirst(Query.query(Criteria.where("contractId").is(id).and("sequence").is(4L)),
                new Update().set("computedRating", Rating.RED), RatingHistoryProjection.COLLECTION);

        Rederivation check = Rederiver.check(id, history.entries(id, null), frameworks.frameworks(id));

        assertThat(check.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.sequence()).isEqualTo(4L);
            assertThat(m.recorded()).isEqualTo(Rating.RED);
            assertThat(m.recomputed()).isEqualTo(Rating.GREEN);
            assertThat(m.reasons()).containsExactly("the evidence rates GREEN, recorded RED");
        });
    }

    private KpiEvidence evidence(String code, String value, Rating band) {
        return new KpiEvidence(code, code.toLowerCase(), new BigDecimal(value), null, null, "PROVIDER", band, 1);
    }

    private void rated(long sequence, Instant at, ContractRatedEvent e) {
        history.on(e, GenericEventMessage.asEventMessage(e), sequence, at);
    }

    private void changed(long sequence, Instant at, RagChangedEvent e) {
        history.on(e, GenericEventMessage.asEventMessage(e), sequence, at);
    }
}
