package org.commissioning.kpi.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.commissioning.kpi.api.CouncilKpiValueRecordedEvent;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyFlaggedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyResolvedEvent;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.MonthlyReturnView.Validation;
import org.commissioning.kpi.api.OverdueReturn;
import org.commissioning.kpi.api.Rating;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.platform.readmodel.ReadModelCollections;
import org.commissioning.testsupport.RetriedBatches;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Sorts;

/** The read model of returns over a real MongoTemplate. */
class MonthlyReturnsProjectionTest {

    final MongoTemplate mongo = TestMongoTemplates.create("monthly-returns-projection-test");
    final MonthlyReturnsProjection returns = new MonthlyReturnsProjection(mongo);

    @Test
    void readsAnOverdueReturnStoredWhileItsTypeLivedInTheProjection() {
        String contract = UUID.randomUUID().toString();
        String id = MonthlyReturnId.of(contract, YearMonth.of(2018, 10));
        Instant detected = Instant.parse("2018-11-16T09:00:00Z");
        mongo.getCollection(MonthlyReturnsProjection.OVERDUE).insertOne(new Document("_id", id)
                .append("contractId", contract).append("period", "2018-10")
                .append("dueDate", Date.from(Instant.parse("2018-11-15T00:00:00Z")))
                .append("detectedAt", Date.from(detected))
                .append("_class", "org.commissioning.kpi.query.MonthlyReturnsProjection$OverdueReturn"));

        assertThat(returns.overdue(contract)).singleElement().satisfies(overdue -> {
            assertThat(overdue.id()).isEqualTo(id);
            assertThat(overdue.period()).isEqualTo("2018-10");
            assertThat(overdue.detectedAt()).isEqualTo(detected);
            assertThat(overdue.receivedAt()).isNull();
        });
        assertThat(returns.overdue(contract, YearMonth.of(2018, 10))).map(OverdueReturn::contractId)
                .contains(contract);
    }

    /** A database of its own for the replay tests, whose collections they empty and snapshot whole. */
    final MongoTemplate replay = TestMongoTemplates.create("monthly-returns-replay-test");

    static final YearMonth APR = YearMonth.of(2024, 4);
    static final YearMonth MAY = YearMonth.of(2024, 5);
    static final String CALLS = "CALLS-TRIAGED-24H";
    static final String LAC = "LAC-ASSESSED-2W";

    /** A stored event as the tracking processor delivers it: its id, its payload, its stored timestamp. */
    record Stored(String eventId, Object payload, Instant at) {

        Stored(Object payload, String at) {
            this(UUID.randomUUID().toString(), payload, Instant.parse(at));
        }
    }

    static void apply(MonthlyReturnsProjection projection, List<Stored> events) {
        for (Stored e : events) {
            Object payload = e.payload();
            if (payload instanceof MonthlyReturnSubmittedEvent submitted) {
                projection.on(submitted, e.eventId(), e.at());
            } else if (payload instanceof KpiValueSubmittedEvent value) {
                projection.on(value, e.eventId(), e.at());
            } else if (payload instanceof CouncilKpiValueRecordedEvent council) {
                projection.on(council, e.eventId(), e.at());
            } else if (payload instanceof KpiCorrectedEvent corrected) {
                projection.on(corrected, e.eventId(), e.at());
            } else if (payload instanceof KpiDiscrepancyFlaggedEvent flagged) {
                projection.on(flagged, e.eventId(), e.at());
            } else if (payload instanceof KpiDiscrepancyResolvedEvent resolved) {
                projection.on(resolved, e.eventId(), e.at());
            } else if (payload instanceof ReturnOverdueEvent overdue) {
                projection.on(overdue);
            } else {
                throw new IllegalArgumentException("not handled: " + payload);
            }
        }
    }

    static KpiValueSubmittedEvent value(String contract, YearMonth period, String kpi, String district, String value,
                                        Long numerator, Long denominator, Rating band) {
        return new KpiValueSubmittedEvent(MonthlyReturnId.of(contract, period), contract, period, 1, kpi, district,
                KpiUnit.PERCENT, new BigDecimal(value), numerator, denominator, band);
    }

    static CouncilKpiValueRecordedEvent council(String contract, YearMonth period, String kpi, String value,
                                                Long numerator, Long denominator, Rating band, String at) {
        return new CouncilKpiValueRecordedEvent(MonthlyReturnId.of(contract, period), contract, period, 1, kpi, null,
                KpiUnit.PERCENT, new BigDecimal(value), numerator, denominator, band, "officer.jones",
                Instant.parse(at));
    }

    static KpiCorrectedEvent corrected(String contract, YearMonth period, String kpi, String from, String to,
                                       Rating band, String reason, String at) {
        return new KpiCorrectedEvent(MonthlyReturnId.of(contract, period), contract, period, 1, kpi, null,
                KpiUnit.PERCENT, new BigDecimal(to), null, null, band, new BigDecimal(from), null, null, reason,
                "provider.smith", Instant.parse(at));
    }

    static KpiDiscrepancyFlaggedEvent flagged(String contract, YearMonth period, String kpi, String provider,
                                              String council, String at) {
        BigDecimal difference = new BigDecimal(provider).subtract(new BigDecimal(council));
        return new KpiDiscrepancyFlaggedEvent(MonthlyReturnId.of(contract, period), contract, period, 1, kpi, null,
                new BigDecimal(provider), new BigDecimal(council), difference, new BigDecimal("2.00"),
                Instant.parse(at));
    }

    /**
     * One contract's events as the store holds them, in order, covering every event the projection handles. April:
     * found overdue by the scan, submitted late (two totals and a district value), the council's figure for calls
     * triaged is 8 points below the provider's and is flagged, an officer resolves the flag pending a correction,
     * the provider corrects the value, which is still 3 points apart, so the aggregate flags it again (open). May:
     * the council's figure for LAC assessments comes first, then the return on time (agreeing with it), then a
     * correction.
     */
    static List<Stored> stream(String c) {
        String april = MonthlyReturnId.of(c, APR);
        String may = MonthlyReturnId.of(c, MAY);
        return List.of(
                new Stored(new ReturnOverdueEvent(april, c, APR, LocalDate.of(2024, 5, 15),
                        Instant.parse("2024-05-16T02:00:00Z")), "2024-05-16T02:00:00Z"),
                new Stored(new MonthlyReturnSubmittedEvent(april, c, APR, 1, "April: triage backlog cleared",
                        "provider.smith", LocalDate.of(2024, 5, 15), true), "2024-05-20T09:30:00.250Z"),
                new Stored(value(c, APR, CALLS, null, "92.00", null, null, Rating.GREEN), "2024-05-20T09:30:00.250Z"),
                new Stored(value(c, APR, LAC, null, "87.50", 7L, 8L, Rating.AMBER), "2024-05-20T09:30:00.250Z"),
                new Stored(value(c, APR, LAC, "Dover", "75.00", 3L, 4L, Rating.RED), "2024-05-20T09:30:00.250Z"),
                new Stored(council(c, APR, CALLS, "84.00", null, null, Rating.RED, "2024-05-22T11:00:00.123456Z"),
                        "2024-05-22T11:00:00.123Z"),
                new Stored(flagged(c, APR, CALLS, "92.00", "84.00", "2024-05-22T11:00:00.123456Z"),
                        "2024-05-22T11:00:00.123Z"),
                new Stored(new KpiDiscrepancyResolvedEvent(april, c, APR, CALLS, null, new BigDecimal("92.00"),
                        new BigDecimal("84.00"), "Calls triaged after 24 working hours were counted; a correction "
                        + "follows", "officer.jones", Instant.parse("2024-05-23T14:00:00Z")),
                        "2024-05-23T14:00:00Z"),
                new Stored(corrected(c, APR, CALLS, "92.00", "87.00", Rating.AMBER, "Calls triaged after 24 working "
                        + "hours removed", "2024-05-24T10:00:00Z"), "2024-05-24T10:00:00Z"),
                new Stored(flagged(c, APR, CALLS, "87.00", "84.00", "2024-05-24T10:00:00Z"), "2024-05-24T10:00:00Z"),
                new Stored(council(c, MAY, LAC, "90.00", 9L, 10L, Rating.GREEN, "2024-06-03T08:00:00Z"),
                        "2024-06-03T08:00:00Z"),
                new Stored(new MonthlyReturnSubmittedEvent(may, c, MAY, 1, "May", "provider.smith",
                        LocalDate.of(2024, 6, 15), false), "2024-06-10T16:00:00Z"),
                new Stored(value(c, MAY, CALLS, null, "95.00", null, null, Rating.GREEN), "2024-06-10T16:00:00Z"),
                new Stored(value(c, MAY, LAC, null, "90.00", 9L, 10L, Rating.GREEN), "2024-06-10T16:00:00Z"),
                new Stored(corrected(c, MAY, CALLS, "95.00", "96.00", Rating.STRETCH, "Late-logged calls added",
                        "2024-06-12T09:00:00Z"), "2024-06-12T09:00:00Z"));
    }

    /** A projection over empty collections (its two read models', and the read-model switch, never rebuilt). */
    MonthlyReturnsProjection fresh() {
        replay.dropCollection(MonthlyReturnsProjection.COLLECTION);
        replay.dropCollection(MonthlyReturnsProjection.OVERDUE);
        replay.dropCollection(ReadModelCollections.COLLECTION);
        return new MonthlyReturnsProjection(replay);
    }

    /**
     * Every document of the projection's collections as stored, each sorted by _id. Nothing is left out: every
     * instant stored is an event's field or its stored timestamp, none is taken from the clock while handling.
     */
    List<List<Document>> snapshot() {
        List<List<Document>> collections = new ArrayList<>();
        for (String name : List.of(MonthlyReturnsProjection.COLLECTION, MonthlyReturnsProjection.OVERDUE)) {
            collections.add(replay.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return collections;
    }

    @Test
    void endsInTheSameStateWhenABatchIsAppliedAgainAfterAFailure() {
        String contract = UUID.randomUUID().toString();
        List<Stored> events = stream(contract);

        MonthlyReturnsProjection projection = fresh();
        apply(projection, events);
        List<List<Document>> once = snapshot();

        // the state applied once is the one the stream makes, so the comparison below is not vacuous
        assertThat(once.get(0)).hasSize(2);
        assertThat(once.get(1)).hasSize(1);
        MonthlyReturnView april = projection.find(contract, APR).orElseThrow();
        assertThat(april.late()).isTrue();
        assertThat(april.values()).hasSize(3);
        MonthlyReturnView.Value calls = april.values().get(0);
        assertThat(calls.value()).isEqualByComparingTo("87.00");
        assertThat(calls.corrections()).hasSize(1);
        assertThat(calls.discrepancies()).hasSize(2);
        assertThat(calls.discrepancies().get(0).note()).startsWith("Calls triaged after 24 working hours");
        assertThat(calls.discrepancies().get(1).resolvedAt()).isNull();
        assertThat(calls.validation()).isEqualTo(Validation.NOT_VALIDATED);
        MonthlyReturnView mayReturn = projection.find(contract, MAY).orElseThrow();
        assertThat(mayReturn.submittedAt()).isEqualTo(Instant.parse("2024-06-10T16:00:00Z"));
        assertThat(mayReturn.values()).extracting(MonthlyReturnView.Value::validation)
                .containsExactly(Validation.VALIDATED, Validation.SINGLE_SOURCE);
        assertThat(projection.overdue(contract, APR)).map(OverdueReturn::receivedAt)
                .contains(Instant.parse("2024-05-20T09:30:00.250Z"));

        RetriedBatches.assertEachRetryEndsAsOneApplication(projection, events, this::fresh,
                MonthlyReturnsProjectionTest::apply, this::snapshot);
    }
}
