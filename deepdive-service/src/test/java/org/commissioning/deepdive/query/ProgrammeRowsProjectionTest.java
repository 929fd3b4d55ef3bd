package org.commissioning.deepdive.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.commissioning.deepdive.api.Area;
import org.commissioning.deepdive.api.AreaGrade;
import org.commissioning.deepdive.api.DeepDiveAction;
import org.commissioning.deepdive.api.DeepDiveAreaGradedEvent;
import org.commissioning.deepdive.api.DeepDiveCancelledEvent;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveCompletedEvent;
import org.commissioning.deepdive.api.DeepDiveEvent;
import org.commissioning.deepdive.api.DeepDiveOverdueEvent;
import org.commissioning.deepdive.api.DeepDivePlannedEvent;
import org.commissioning.deepdive.api.DeepDiveScheduledEvent;
import org.commissioning.deepdive.api.DeepDiveStartedEvent;
import org.commissioning.deepdive.api.DeepDiveStatus;
import org.commissioning.deepdive.api.Grade;
import org.commissioning.deepdive.api.ProgrammeOpenedEvent;
import org.commissioning.deepdive.api.VariationRecommendedEvent;
import org.commissioning.testsupport.TestMongoTemplates;
import org.commissioning.testsupport.RetriedBatches;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Sorts;

/** The programme tables as a plain object over a real MongoTemplate (the real driver, the in-process wire server). */
class ProgrammeRowsProjectionTest {

    static final MongoTemplate MONGO = TestMongoTemplates.create("programme-rows-projection-test");
    static final Instant T0 = Instant.parse("2018-04-03T09:15:00Z");
    static final int YEAR = 2018;

    final MongoTemplate mongo = MONGO;
    final String contractA = UUID.randomUUID().toString();
    final String contractB = UUID.randomUUID().toString();

    /** A stored event as a tracking processor delivers it: the payload, its aggregate sequence and its timestamp. */
    record Stored(Object payload, long sequence, Instant at) {
    }

    /** Delivers as Axon does: one handler per event, the most specific for its payload. */
    static void apply(ProgrammeRowsProjection projection, List<Stored> events) {
        for (Stored e : events) {
            if (e.payload() instanceof ProgrammeOpenedEvent opened) {
                projection.on(opened, e.at());
            } else if (e.payload() instanceof DeepDivePlannedEvent planned) {
                projection.on(planned, e.sequence());
            } else if (e.payload() instanceof DeepDiveEvent event) {
                projection.on(event, e.sequence());
            } else {
                throw new IllegalArgumentException("not handled: " + e.payload());
            }
        }
    }

    /**
     * Two deep dives of the 2018 programme, interleaved as the store holds them, covering every event the projection
     * handles: A is scheduled, recorded overdue, rescheduled, started, graded, completed (with a variation
     * recommended); B is recorded overdue and cancelled; then the 2019 programme is opened.
     */
    List<Stored> stream() {
        LocalDate firstDate = LocalDate.of(2018, 9, 14);
        LocalDate secondDate = LocalDate.of(2018, 10, 5);
        return List.of(
                new Stored(new ProgrammeOpenedEvent(YEAR), 0, T0),
                new Stored(new DeepDivePlannedEvent(contractA, YEAR, LocalDate.of(2018, 10, 31), "Sk8side",
                        List.of("Ashford", "Maidstone")), 0, T0.plusSeconds(1)),
                new Stored(new DeepDivePlannedEvent(contractB, YEAR, LocalDate.of(2018, 12, 31), "Reach",
                        List.of("Dover")), 0, T0.plusSeconds(2)),
                new Stored(new DeepDiveScheduledEvent(contractA, YEAR, firstDate, "officer.jones", null, null), 1,
                        T0.plusSeconds(3)),
                new Stored(new DeepDiveOverdueEvent(contractA, YEAR, firstDate), 2, T0.plusSeconds(4)),
                new Stored(new DeepDiveScheduledEvent(contractA, YEAR, secondDate, "officer.jones", firstDate,
                        "Provider lead off sick"), 3, T0.plusSeconds(5)),
                new Stored(new DeepDiveStartedEvent(contractA, YEAR, secondDate, "officer.jones"), 4,
                        T0.plusSeconds(6)),
                new Stored(new DeepDiveAreaGradedEvent(contractA, YEAR, Area.DIRECT_WORK, Grade.GOOD, "Case files",
                        "Consistent", null), 5, T0.plusSeconds(7)),
                new Stored(new DeepDiveAreaGradedEvent(contractA, YEAR, Area.LESSONS_AND_VARIATION,
                        Grade.REQUIRES_IMPROVEMENT, "Minutes", "Reach too narrow", "Widen the districts"), 6,
                        T0.plusSeconds(8)),
                new Stored(new DeepDiveCompletedEvent(contractA, YEAR, secondDate, Grade.GOOD, Grade.GOOD, null,
                        List.of(new AreaGrade(Area.DIRECT_WORK, Grade.GOOD),
                                new AreaGrade(Area.LESSONS_AND_VARIATION, Grade.REQUIRES_IMPROVEMENT)),
                        List.of("Voice of the child"), List.of("Supervision records"),
                        List.of(new DeepDiveAction("Monthly supervision log", "Sk8side", LocalDate.of(2018, 12, 1))),
                        "Widen the districts", false, null), 7, T0.plusSeconds(9)),
                new Stored(new VariationRecommendedEvent(contractA, YEAR, "Widen the districts"), 8,
                        T0.plusSeconds(10)),
                new Stored(new DeepDiveOverdueEvent(contractB, YEAR, LocalDate.of(2018, 12, 31)), 1,
                        T0.plusSeconds(11)),
                new Stored(new DeepDiveCancelledEvent(contractB, YEAR, "Contract terminated"), 2, T0.plusSeconds(12)),
                new Stored(new ProgrammeOpenedEvent(YEAR + 1), 0, T0.plusSeconds(13)));
    }

    /** A projection over empty collections. */
    ProgrammeRowsProjection fresh() {
        mongo.dropCollection(ProgrammeRowsProjection.ROWS);
        mongo.dropCollection(ProgrammeRowsProjection.PROGRAMMES);
        return new ProgrammeRowsProjection(mongo);
    }

    /** Every document of the projection's collections, each sorted by _id. */
    List<List<Document>> snapshot() {
        List<List<Document>> collections = new ArrayList<>();
        for (String name : List.of(ProgrammeRowsProjection.ROWS, ProgrammeRowsProjection.PROGRAMMES)) {
            collections.add(mongo.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return collections;
    }

    @Test
    void endsInTheSameStateWhenABatchIsAppliedAgainAfterAFailure() {
        List<Stored> events = stream();

        ProgrammeRowsProjection once = fresh();
        apply(once, events);
        List<List<Document>> expected = snapshot();

        // the state applied once is the one the stream makes, so the comparisons below are not vacuous
        assertThat(expected.get(0)).hasSize(2);
        assertThat(expected.get(1)).extracting(d -> d.get("_id")).containsExactly(YEAR, YEAR + 1);
        assertThat(once.find(DeepDiveCommands.id(contractA, YEAR))).hasValueSatisfying(row -> {
            assertThat(row.lifecycle()).isEqualTo(DeepDiveStatus.COMPLETE);
            assertThat(row.dueDate()).isEqualTo(LocalDate.of(2018, 10, 5));
            assertThat(row.overdueFor()).isEqualTo(LocalDate.of(2018, 9, 14));
            assertThat(row.grade()).isEqualTo(Grade.GOOD);
            assertThat(row.lastSequence()).isEqualTo(8);
        });
        assertThat(once.find(DeepDiveCommands.id(contractB, YEAR))).hasValueSatisfying(row -> {
            assertThat(row.status()).isEqualTo(DeepDiveStatus.CANCELLED);
            assertThat(row.overdueFor()).isEqualTo(LocalDate.of(2018, 12, 31));
            assertThat(row.lastSequence()).isEqualTo(2);
        });

        RetriedBatches.assertEachRetryEndsAsOneApplication(once, events, this::fresh,
                ProgrammeRowsProjectionTest::apply, this::snapshot);
    }
}
