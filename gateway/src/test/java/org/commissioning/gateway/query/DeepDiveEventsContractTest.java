package org.commissioning.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.deepdives.v1.DeepDiveCancelled;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDiveOverdue;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.events.deepdives.v1.DeepDiveScheduled;
import org.commissioning.events.deepdives.v1.DeepDiveStarted;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardDeepDive;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.api.DeepDiveProgramme;
import org.commissioning.gateway.support.GoldenSamples;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The consumer's side of deepdives.events.v1: the golden samples deepdive-service is held to decode, and each
 * contract's deep dive of a programme year (status, due, grade) reaches its dashboard row and the programme view
 * (registered from ContractRegistered.v1's golden sample, which is of the same contract).
 */
class DeepDiveEventsContractTest {

    static final String REGISTERED = "golden/contracts/ContractRegistered.v1.json";
    static final MongoTemplate MONGO = TestMongoTemplates.create("deepdive-events-contract-test");

    final IntegrationEventCodec codec = new IntegrationEventCodec();
    final DashboardProjection projection = new DashboardProjection(MONGO);
    final DashboardView view = new DashboardView(MONGO);
    String id;

    @BeforeEach
    void registerTheContractOfTheSamples() {
        MONGO.remove(new Query(), DashboardProjection.COLLECTION);
        IntegrationEvent<?> registered = apply(REGISTERED);
        projection.on(registered, (ContractRegistered) registered.data());
        id = registered.subject();
    }

    @Test
    void followsADeepDiveFromPlannedThroughScheduledAndStartedToCompleteWithItsGrade() {
        DeepDivePlanned planned = (DeepDivePlanned) deepDive("DeepDivePlanned.v1.json").data();
        assertThat(row().deepDive()).isEqualTo(new DashboardDeepDive(2018, "PLANNED", planned.dueDate(), null, null,
                false, null));

        DeepDiveScheduled scheduled = (DeepDiveScheduled) deepDive("DeepDiveScheduled.v1.json").data();
        assertThat(row().deepDive().status()).isEqualTo("SCHEDULED");
        assertThat(row().deepDive().due()).isEqualTo(scheduled.date());

        assertThat(deepDive("DeepDiveStarted.v1.json").data()).isInstanceOf(DeepDiveStarted.class);
        assertThat(row().deepDive().status()).isEqualTo("IN_PROGRESS");
        assertThat(programme().pending()).isEqualTo(1);

        DeepDiveCompleted completed = (DeepDiveCompleted) deepDive("DeepDiveCompleted.v1.json").data();
        DashboardContract row = row();
        assertThat(row.deepDive()).isEqualTo(new DashboardDeepDive(2018, "COMPLETE", scheduled.date(),
                completed.overallGrade(), completed.completedOn(), false, null));
        assertThat(row.deepDives()).containsOnlyKeys("2018-19");
        assertThat(row.lastDeepDiveSequence()).isEqualTo(13);
        assertThat(row.provider()).as("the registration's fields stay").isEqualTo("Sk8side");

        DeepDiveProgramme programme = programme();
        assertThat(programme.rows()).containsExactly(new DeepDiveProgramme.Row(id, "Sk8side", "YOUTH", "DISTRICT",
                row.districts(), "COMPLETE", scheduled.date(), "GOOD", completed.completedOn(), false));
        assertThat(programme).extracting(DeepDiveProgramme::complete, DeepDiveProgramme::pending,
                DeepDiveProgramme::overdue, DeepDiveProgramme::cancelled).containsExactly(1L, 0L, 0L, 0L);
        assertThat(programme.percentComplete()).isEqualByComparingTo("100.0");
    }

    @Test
    void showsAHistoricCompletionWithoutAGrade() {
        deepDive("DeepDivePlanned.v1.json");
        deepDive("DeepDiveCompleted.v1.historic.json");

        assertThat(row().deepDive()).extracting(DashboardDeepDive::status, DashboardDeepDive::grade,
                DashboardDeepDive::historic).containsExactly("COMPLETE", null, true);
    }

    @Test
    void showsAnOverdueDeepDiveAndACancelledOneAndCountsNeitherAsPending() {
        deepDive("DeepDivePlanned.v1.json");
        DeepDiveOverdue overdue = (DeepDiveOverdue) deepDive("DeepDiveOverdue.v1.json").data();
        assertThat(row().deepDive()).extracting(DashboardDeepDive::status, DashboardDeepDive::due)
                .containsExactly("OVERDUE", overdue.dueDate());
        assertThat(programme()).extracting(DeepDiveProgramme::pending, DeepDiveProgramme::overdue)
                .containsExactly(0L, 1L);
        assertThat(programme().percentComplete()).isEqualByComparingTo("0.0");

        MONGO.remove(new Query(), DashboardProjection.COLLECTION);
        registerTheContractOfTheSamples();
        deepDive("DeepDivePlanned.v1.json");
        DeepDiveCancelled cancelled = (DeepDiveCancelled) deepDive("DeepDiveCancelled.v1.json").data();
        assertThat(row().deepDive()).extracting(DashboardDeepDive::status, DashboardDeepDive::reason)
                .containsExactly("CANCELLED", cancelled.reason());
        assertThat(programme()).extracting(DeepDiveProgramme::cancelled, DeepDiveProgramme::pending)
                .containsExactly(1L, 0L);
    }

    @Test
    void appliesADeepDiveEventDeliveredAgainOnceAndShowsTheLatestProgrammeYear() {
        deepDive("DeepDivePlanned.v1.json");
        deepDive("DeepDiveCompleted.v1.json");
        DashboardContract completed = row();

        deepDive("DeepDivePlanned.v1.json");
        assertThat(row()).as("an earlier event again takes nothing back").isEqualTo(completed);

        DeepDivePlanned next = new DeepDivePlanned(id, 2019, LocalDate.of(2019, 4, 30), "Sk8side",
                completed.districts());
        projection.on(IntegrationEvent.of("e-14", "/deepdive-service", id, Instant.now(), 14, "officer.jones",
                "c-14", next), next);
        assertThat(row().deepDive().programmeYear()).isEqualTo(2019);
        assertThat(row().deepDive().status()).isEqualTo("PLANNED");
        assertThat(row().deepDives()).containsOnlyKeys("2018-19", "2019-20");
        assertThat(view.programme(2019, every -> true).pending()).isEqualTo(1);
        assertThat(view.programme(2018, every -> true).complete()).isEqualTo(1);
        assertThat(view.programme(2017, every -> true).rows()).isEmpty();
    }

    @Test
    void leavesOutOfTheProgrammeTheRowsTheCallerMayNotSee() {
        deepDive("DeepDivePlanned.v1.json");

        assertThat(view.programme(2018, row -> !row.provider().equals("Sk8side")).rows()).isEmpty();
    }

    private IntegrationEvent<?> deepDive(String sample) {
        IntegrationEvent<?> event = apply("golden/deepdives/" + sample);
        assertThat(event.subject()).as("the samples are of one contract").isEqualTo(id);
        dispatch(event);
        return event;
    }

    private IntegrationEvent<?> apply(String path) {
        return codec.decode(GoldenSamples.bytes(path));
    }

    /** As the consumer would: the handler registered for the event's type. */
    private void dispatch(IntegrationEvent<?> event) {
        Object data = event.data();
        if (data instanceof DeepDivePlanned e) {
            projection.on(event, e);
        } else if (data instanceof DeepDiveScheduled e) {
            projection.on(event, e);
        } else if (data instanceof DeepDiveStarted e) {
            projection.on(event, e);
        } else if (data instanceof DeepDiveCompleted e) {
            projection.on(event, e);
        } else if (data instanceof DeepDiveOverdue e) {
            projection.on(event, e);
        } else if (data instanceof DeepDiveCancelled e) {
            projection.on(event, e);
        }
    }

    private DeepDiveProgramme programme() {
        return view.programme(2018, every -> true);
    }

    private DashboardContract row() {
        return view.contracts(DashboardQuery.all()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
