package org.commissioning.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardRationale;
import org.commissioning.gateway.api.DashboardTrajectory;
import org.commissioning.gateway.api.DashboardSummary;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractExpired;
import org.commissioning.events.contracts.v1.ContractRecommissioned;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.commissioning.events.contracts.v1.MonitoringMeetingHeld;
import org.commissioning.events.contracts.v1.MonitoringMeetingOverdue;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.events.ratings.v1.RagOverridden;
import org.commissioning.events.ratings.v1.TrajectoryAssessed;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.RatingEvents;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The projection as a plain object over a real MongoTemplate on an in-process Mongo wire-protocol server. */
class DashboardProjectionTest {

    final MongoTemplate mongo = TestMongoTemplates.create("dashboard-projection-test");
    final DashboardProjection projection = new DashboardProjection(mongo);
    final DashboardView view = new DashboardView(mongo);

    @BeforeEach
    void empty() {
        mongo.remove(new Query(), DashboardProjection.COLLECTION);
    }

    @Test
    void theSameEventAppliedTwiceLeavesOneIdenticalDocument() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> event = ContractEvents.sk8side(id, new BigDecimal("120000.00"));

        projection.on(event, event.data());
        List<Document> once = storedDocuments();
        projection.on(event, event.data());
        List<Document> twice = storedDocuments();

        assertThat(once).hasSize(1);
        assertThat(once.get(0).getString("_id")).isEqualTo(id);
        assertThat(twice).isEqualTo(once);
        assertThat(view.contracts(DashboardQuery.all())).singleElement()
                .satisfies(row -> {
                    assertThat(row.id()).isEqualTo(id);
                    assertThat(row.lastEventId()).isEqualTo(event.id());
                    assertThat(row.status()).isEqualTo("ACTIVE");
                    assertThat(row.rag()).isNull();
                });
    }

    @Test
    void followsTheContractsStatusAndCadenceWithoutGoingBackOnAReplayAndAnEndedContractHasNoCadence() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> registered = ContractEvents.sk8side(id, null);
        IntegrationEvent<MonitoringCadenceChanged> monthly = later(registered, 2, new MonitoringCadenceChanged(id, "RED",
                "MONTHLY", "QUARTERLY", YearMonth.of(2018, 4), LocalDate.of(2018, 5, 1), LocalDate.of(2018, 6, 1)));
        IntegrationEvent<ContractTerminated> terminated = later(registered, 4,
                new ContractTerminated(id, "PROVIDER", LocalDate.of(2018, 5, 31), "the provider's decision"));
        IntegrationEvent<ContractRecommissioned> recommissioned = later(registered, 5,
                new ContractRecommissioned(id, "MINI_PROCUREMENT", null, null, "mini procurement instigated"));

        projection.on(registered, registered.data());
        projection.on(monthly, monthly.data());
        assertThat(row(id).cadence()).isEqualTo("MONTHLY");
        projection.on(terminated, terminated.data());
        assertThat(row(id).status()).isEqualTo("TERMINATED");
        assertThat(row(id).cadence()).isNull();
        assertThat(row(id).rag()).as("the rating comes from rag-service, not from the cadence").isNull();

        projection.on(recommissioned, recommissioned.data());
        projection.on(registered, registered.data());
        projection.on(terminated, terminated.data());
        projection.on(monthly, monthly.data());

        assertThat(row(id).status()).isEqualTo("RECOMMISSIONED");
        assertThat(row(id).cadence()).as("a replayed cadence does not come back").isNull();
        assertThat(row(id).lastEventSequence()).isEqualTo(5);
        assertThat(row(id).lastEventId()).isEqualTo(recommissioned.id());
    }

    @Test
    void aRagChangedSetsTheRowsRatingWithItsPeriodAndBasis() {
        String id = UUID.randomUUID().toString();
        register(id, "Sk8side", "YOUTH", ContractEvents.district("South", "Ashford"), null);
        IntegrationEvent<RagChanged> red = RatingEvents.ragChanged(id, 4, "AMBER", "RED", YearMonth.of(2018, 4));
        IntegrationEvent<RagChanged> amber = RatingEvents.ragSetByOfficer(id, 6, "RED", "AMBER",
                YearMonth.of(2018, 5), "in line with in-house performance");

        projection.on(red, red.data());
        assertThat(row(id).rag()).isEqualTo("RED");
        assertThat(row(id).ragPeriod()).isEqualTo(YearMonth.of(2018, 4));
        assertThat(row(id).ragBasis()).isEqualTo("COMPUTED");
        assertThat(row(id).lastRatingSequence()).isEqualTo(4L);

        projection.on(amber, amber.data());
        DashboardContract row = row(id);
        assertThat(row.rag()).isEqualTo("AMBER");
        assertThat(row.ragPeriod()).isEqualTo(YearMonth.of(2018, 5));
        assertThat(row.ragBasis()).isEqualTo("OFFICER");
        assertThat(row.lastRatingSequence()).isEqualTo(6L);
        assertThat(row.lastEventSequence()).as("the contract events' sequence is the contract topic's own").isEqualTo(1);
        assertThat(row.provider()).isEqualTo("Sk8side");
        assertThat(row.status()).isEqualTo("ACTIVE");
        assertThat(storedDocuments().get(0).get("ragPeriod")).as("a month is stored as yyyy-MM").isEqualTo("2018-05");
    }

    @Test
    void aRatingEventOlderThanTheLastOneAppliedIsIgnored() {
        String id = UUID.randomUUID().toString();
        register(id, "Sk8side", "YOUTH", ContractEvents.district("South", "Ashford"), null);
        IntegrationEvent<RagChanged> green = RatingEvents.ragChanged(id, 3, null, "GREEN", YearMonth.of(2018, 3));
        IntegrationEvent<RagChanged> red = RatingEvents.ragChanged(id, 7, "GREEN", "RED", YearMonth.of(2018, 5));
        IntegrationEvent<TrajectoryAssessed> improving = RatingEvents.computedTrajectory(id, 5, YearMonth.of(2018, 4),
                "GREEN", "GREEN", "IMPROVING");

        projection.on(red, red.data());
        projection.on(green, green.data());
        projection.on(improving, improving.data());

        DashboardContract row = row(id);
        assertThat(row.rag()).isEqualTo("RED");
        assertThat(row.ragPeriod()).isEqualTo(YearMonth.of(2018, 5));
        assertThat(row.trajectory()).isNull();
        assertThat(row.lastRatingSequence()).isEqualTo(7L);
    }

    @Test
    void theSameRatingEventAppliedTwiceChangesNothing() {
        String id = UUID.randomUUID().toString();
        register(id, "Sk8side", "YOUTH", ContractEvents.district("South", "Ashford"), null);
        IntegrationEvent<RagChanged> red = RatingEvents.ragChanged(id, 4, "AMBER", "RED", YearMonth.of(2018, 4));
        IntegrationEvent<TrajectoryAssessed> declining = RatingEvents.computedTrajectory(id, 5, YearMonth.of(2018, 4),
                "RED", "RED", "DECLINING");

        projection.on(red, red.data());
        projection.on(declining, declining.data());
        List<Document> once = storedDocuments();
        projection.on(red, red.data());
        projection.on(declining, declining.data());

        assertThat(once).hasSize(1);
        assertThat(once.get(0).get("rag")).isEqualTo("RED");
        assertThat(storedDocuments()).isEqualTo(once);
    }

    @Test
    void aRatingThatArrivesBeforeTheRegistrationIsKeptWhenTheRegistrationArrives() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<RagChanged> amber = RatingEvents.ragChanged(id, 2, null, "AMBER", YearMonth.of(2018, 4));
        IntegrationEvent<TrajectoryAssessed> improving = RatingEvents.computedTrajectory(id, 3, YearMonth.of(2018, 4),
                "AMBER", "GREEN", "IMPROVING");
        IntegrationEvent<ContractRegistered> registered = ContractEvents.registered(id, "Porchlight", "FAMILY_SUPPORT",
                ContractEvents.district("East", "Thanet"), new BigDecimal("1240000.00"));

        projection.on(amber, amber.data());
        projection.on(improving, improving.data());
        assertThat(storedDocuments()).as("the rating is kept").hasSize(1);
        assertThat(view.contracts(DashboardQuery.all())).as("a contract is shown once registered").isEmpty();
        assertThat(view.summary(every -> true).contracts()).isZero();

        projection.on(registered, registered.data());
        projection.on(registered, registered.data());

        DashboardContract row = view.contracts(DashboardQuery.all()).get(0);
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.provider()).isEqualTo("Porchlight");
        assertThat(row.serviceArea()).isEqualTo("FAMILY_SUPPORT");
        assertThat(row.districts()).containsExactly("Thanet");
        assertThat(row.annualValueGbp()).isEqualTo(new BigDecimal("1240000.00"));
        assertThat(row.status()).isEqualTo("ACTIVE");
        assertThat(row.registeredAt()).isEqualTo(registered.time());
        assertThat(row.lastEventSequence()).isEqualTo(1);
        assertThat(row.lastEventId()).isEqualTo(registered.id());
        assertThat(row.rag()).isEqualTo("AMBER");
        assertThat(row.ragPeriod()).isEqualTo(YearMonth.of(2018, 4));
        assertThat(row.trajectory()).isNotNull();
        assertThat(row.trajectory().projectedRating()).isEqualTo("GREEN");
        assertThat(row.lastRatingSequence()).isEqualTo(3L);
        assertThat(view.summary(every -> true).byRag()).containsEntry("AMBER", 1L)
                .containsEntry(DashboardQuery.NOT_RATED, 0L);
    }

    @Test
    void aRegistrationDeliveredAgainAfterLaterEventsLeavesTheRowAsItIs() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> registered = ContractEvents.sk8side(id, null);
        IntegrationEvent<ContractTerminated> terminated = later(registered, 2,
                new ContractTerminated(id, "COUNCIL", LocalDate.of(2018, 5, 31), "persistent red"));
        IntegrationEvent<RagChanged> red = RatingEvents.ragChanged(id, 1, null, "RED", YearMonth.of(2018, 4));

        projection.on(registered, registered.data());
        projection.on(terminated, terminated.data());
        projection.on(red, red.data());
        List<Document> before = storedDocuments();
        projection.on(registered, registered.data());

        assertThat(before.get(0).get("status")).isEqualTo("TERMINATED");
        assertThat(before.get(0).get("rag")).isEqualTo("RED");
        assertThat(storedDocuments()).isEqualTo(before);
    }

    @Test
    void aTrajectoryAssessedShowsWhereTheRatingIsHeading() {
        String id = UUID.randomUUID().toString();
        register(id, "NELFT", "EMOTIONAL_WELLBEING", ContractEvents.district("West", "Maidstone"), null);
        IntegrationEvent<TrajectoryAssessed> computed = RatingEvents.computedTrajectory(id, 41, YearMonth.of(2018, 9),
                "AMBER", "GREEN", "STABLE");
        IntegrationEvent<TrajectoryAssessed> stated = RatingEvents.statedTrajectory(id, 42, YearMonth.of(2018, 10), 6,
                "AMBER", "GREEN", "IMPROVING", "on trajectory for green in the next six months");

        projection.on(computed, computed.data());
        assertThat(row(id).trajectory()).isEqualTo(new DashboardTrajectory("STABLE", "GREEN", 3, "COMPUTED",
                YearMonth.of(2018, 9), null));
        assertThat(row(id).rag()).as("a trajectory is not a rating").isNull();

        projection.on(stated, stated.data());
        assertThat(row(id).trajectory()).isEqualTo(new DashboardTrajectory("IMPROVING", "GREEN", 6, "OFFICER",
                YearMonth.of(2018, 10), "on trajectory for green in the next six months"));
        assertThat(row(id).lastRatingSequence()).isEqualTo(42L);
    }

    @Test
    void aRowStoredBeforeRatingsWereFollowedIsStillListedAndTakesItsFirstRating() {
        String id = UUID.randomUUID().toString();
        register(id, "Sk8side", "YOUTH", ContractEvents.district("South", "Ashford"), null);
        mongo.getCollection(DashboardProjection.COLLECTION).updateOne(new Document("_id", id),
                new Document("$unset", new Document("lastRatingSequence", "")).append("$set", new Document("rag", "RED")));
        assertThat(storedDocuments().get(0)).doesNotContainKey("lastRatingSequence");
        assertThat(row(id).rag()).isEqualTo("RED");
        assertThat(row(id).lastRatingSequence()).isZero();
        IntegrationEvent<RagChanged> amber = RatingEvents.ragChanged(id, 1, null, "AMBER", YearMonth.of(2018, 4));

        projection.on(amber, amber.data());

        assertThat(row(id).rag()).isEqualTo("AMBER");
        assertThat(row(id).lastRatingSequence()).isEqualTo(1L);
    }

    @Test
    void contractAndRatingEventsAreNumberedApart() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> registered = ContractEvents.sk8side(id, null);
        IntegrationEvent<RagChanged> red = RatingEvents.ragChanged(id, 9, "AMBER", "RED", YearMonth.of(2018, 4));
        IntegrationEvent<MonitoringCadenceChanged> monthly = later(registered, 2, new MonitoringCadenceChanged(id, "RED",
                "MONTHLY", "BI_MONTHLY", YearMonth.of(2018, 4), LocalDate.of(2018, 5, 1), LocalDate.of(2018, 6, 1)));
        IntegrationEvent<RagChanged> green = RatingEvents.ragChanged(id, 10, "RED", "GREEN", YearMonth.of(2018, 5));

        projection.on(registered, registered.data());
        projection.on(red, red.data());
        projection.on(monthly, monthly.data());
        projection.on(green, green.data());

        DashboardContract row = row(id);
        assertThat(row.cadence()).isEqualTo("MONTHLY");
        assertThat(row.lastEventSequence()).isEqualTo(2);
        assertThat(row.rag()).isEqualTo("GREEN");
        assertThat(row.lastRatingSequence()).isEqualTo(10L);
    }

    private DashboardContract row(String id) {
        return view.contracts(DashboardQuery.all()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static <T> IntegrationEvent<T> later(IntegrationEvent<?> registered, long sequence, T data) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), registered.source(), registered.subject(),
                registered.time().plusSeconds(sequence), sequence, "officer.jones", "corr", data);
    }

    @Test
    void storesDatesAsMidnightUtcAndAmountsAsExactDecimals() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> event = ContractEvents.sk8side(id, new BigDecimal("120000.00"));

        projection.on(event, event.data());

        Document stored = storedDocuments().get(0);
        assertThat(stored.get("start")).isEqualTo(Date.from(Instant.parse("2018-04-01T00:00:00Z")));
        assertThat(stored.get("end")).isEqualTo(Date.from(Instant.parse("2021-03-31T00:00:00Z")));
        assertThat(stored.get("annualValueGbp")).isEqualTo(Decimal128.parse("120000.00"));
        assertThat(stored.get("registeredAt")).isEqualTo(Date.from(event.time()));
        DashboardContract row = view.contracts(DashboardQuery.all()).get(0);
        assertThat(row.start()).isEqualTo(event.data().start());
        assertThat(row.annualValueGbp()).isEqualTo(new BigDecimal("120000.00"));
    }

    @Test
    void keepsAmountsToThePennyHoweverTheyArrive() {
        register("x", "Salus", "FAMILY_SUPPORT", ContractEvents.district("North", "Dartford"), new BigDecimal("1.2E+5"));
        register("y", "Salus", "FAMILY_SUPPORT", ContractEvents.district("North", "Dartford"), new BigDecimal("1000.5"));
        register("z", "Salus", "FAMILY_SUPPORT", ContractEvents.district("North", "Dartford"), null);

        assertThat(view.contracts(DashboardQuery.all())).extracting(r -> r.annualValueGbp() == null
                ? null : r.annualValueGbp().toPlainString()).containsExactly("120000.00", "1000.50", null);
    }

    @Test
    void listsByServiceAreaThenProviderAndFiltersByExactValuesAndRating() {
        register("a", "Young Lives", "YOUTH", new Lot("AREA", List.of("East", "West"), List.of("Canterbury", "Swale",
                "Thanet", "Maidstone", "Tonbridge and Malling", "Tunbridge Wells")), new BigDecimal("50000"));
        register("b", "Carers First", "YOUNG_CARERS", ContractEvents.district("South", "Dover"), null);
        register("c", "Sk8side", "YOUTH", ContractEvents.district("South", "Ashford"), new BigDecimal("120000.00"));
        register("d", "Salus", "FAMILY_SUPPORT", ContractEvents.district("North", "Dartford"), new BigDecimal("1000.50"));

        rate("a", 3, "RED");
        rate("c", 5, "RED");
        rate("d", 2, "GREEN");

        assertThat(ids(DashboardQuery.all())).containsExactly("d", "b", "c", "a");
        assertThat(ids(new DashboardQuery("YOUTH", null, null, null, null, null))).containsExactly("c", "a");
        assertThat(ids(new DashboardQuery(null, "East", null, null, null, null))).containsExactly("a");
        assertThat(ids(new DashboardQuery(null, "South", null, null, null, null))).containsExactly("b", "c");
        assertThat(ids(new DashboardQuery(null, null, "Swale", null, null, null))).containsExactly("a");
        assertThat(ids(new DashboardQuery(null, null, null, "Sk8side", null, null))).containsExactly("c");
        assertThat(ids(new DashboardQuery(null, null, null, null, "RED", null))).containsExactly("c", "a");
        assertThat(ids(new DashboardQuery(null, null, null, null, "GREEN", null))).containsExactly("d");
        assertThat(ids(new DashboardQuery(null, null, null, null, "NOT_RATED", null))).containsExactly("b");
        assertThat(ids(new DashboardQuery("YOUTH", "South", "Ashford", "Sk8side", "RED", null))).containsExactly("c");
        assertThat(ids(new DashboardQuery("YOUTH", "North", null, null, null, null))).isEmpty();
        assertThat(ids(new DashboardQuery(null, null, null, null, "AMBER", null))).isEmpty();
        assertThat(ids(new DashboardQuery(null, null, null, "sk8side", null, null))).isEmpty();
        assertThat(ids(new DashboardQuery(null, null, null, null, "red", null))).isEmpty();
        assertThat(ids(new DashboardQuery("", null, null, null, null, null))).isEmpty();
        assertThat(ids(new DashboardQuery(null, null, null, null, "", null))).isEmpty();
        assertThat(ids(new DashboardQuery(null, "Atlantis", null, null, null, null))).isEmpty();
    }

    @Test
    void filtersByStatus() {
        register("a", "Young Lives", "YOUTH", ContractEvents.district("East", "Swale"), null);
        register("b", "Carers First", "YOUNG_CARERS", ContractEvents.district("South", "Dover"), null);
        IntegrationEvent<ContractRegistered> registered = ContractEvents.sk8side("c", null);
        projection.on(registered, registered.data());
        IntegrationEvent<ContractTerminated> terminated = later(registered, 2,
                new ContractTerminated("c", "PROVIDER", LocalDate.of(2018, 5, 31), "the provider's decision"));
        projection.on(terminated, terminated.data());

        assertThat(ids(new DashboardQuery(null, null, null, null, null, "TERMINATED"))).containsExactly("c");
        assertThat(ids(new DashboardQuery(null, null, null, null, null, "ACTIVE"))).containsExactly("b", "a");
        assertThat(ids(new DashboardQuery("YOUTH", null, null, null, null, "ACTIVE"))).containsExactly("a");
        assertThat(ids(new DashboardQuery(null, null, null, null, null, "EXPIRED"))).isEmpty();
    }

    @Test
    void refusesAServiceAreaStatusOrRatingFilterOutsideItsValuesNamingTheParameter() {
        assertThat(new DashboardQuery("YOUTH", "East", "Swale", "Anyone", "NOT_RATED", "RECOMMISSIONED").validated())
                .isNotNull();
        assertThat(DashboardQuery.all().validated()).isEqualTo(DashboardQuery.all());

        assertThatThrownBy(() -> new DashboardQuery(null, null, null, null, "PURPLE", null).validated())
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("rag");
                    assertThat(e.rule()).isEqualTo(DashboardQuery.KNOWN_FILTER_VALUE);
                    assertThat(e.getMessage()).contains("STRETCH, GREEN, AMBER, RED, NOT_RATED").contains("PURPLE");
                });
        assertThatThrownBy(() -> new DashboardQuery(null, null, null, null, "red", null).validated())
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("rag"));
        assertThatThrownBy(() -> new DashboardQuery(null, null, null, null, null, "CLOSED").validated())
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> new DashboardQuery("", null, null, null, null, null).validated())
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("serviceArea"));
    }

    @Test
    void showsTheLatestRatedMonthAndAReRatingOfAnEarlierMonthDoesNotTakeItBack() {
        String id = UUID.randomUUID().toString();
        register(id, "NELFT", "EMOTIONAL_HEALTH_AND_WELLBEING", ContractEvents.district("West", "Maidstone"), null);
        IntegrationEvent<RagChanged> red = RatingEvents.ragChanged(id, 1, null, "RED", YearMonth.of(2018, 4));
        IntegrationEvent<ContractRated> april = contractRated(id, 2, YearMonth.of(2018, 4), "RED");
        IntegrationEvent<ContractRated> may = contractRated(id, 3, YearMonth.of(2018, 5), "RED");
        IntegrationEvent<ContractRated> aprilAgain = contractRated(id, 4, YearMonth.of(2018, 4), "AMBER");

        projection.on(red, red.data());
        projection.on(april, april.data());
        projection.on(may, may.data());
        assertThat(row(id).ragPeriod()).as("May was rated, with no change of rating").isEqualTo(YearMonth.of(2018, 5));
        assertThat(row(id).rag()).isEqualTo("RED");

        projection.on(aprilAgain, aprilAgain.data());

        assertThat(row(id).ragPeriod()).isEqualTo(YearMonth.of(2018, 5));
        assertThat(row(id).lastRatingSequence()).isEqualTo(4L);
        assertThat(storedDocuments().get(0).get("ragPeriod")).isEqualTo("2018-05");
    }

    @Test
    void theRationaleIsOfTheLatestMonthRatedNotOfAnEarlierMonthRatedAgainNorOfAMonthNotRated() {
        String id = UUID.randomUUID().toString();
        register(id, "NELFT", "EMOTIONAL_HEALTH_AND_WELLBEING", ContractEvents.district("West", "Maidstone"), null);
        YearMonth april = YearMonth.of(2018, 4);
        YearMonth may = YearMonth.of(2018, 5);
        apply(RatingEvents.ratingEvent(id, 1, new RagOverridden(id, april, "RED", "AMBER", "RED",
                "In line with in-house performance", "officer.jones", "worst-headline-band.v1")), projection::on);
        apply(RatingEvents.ratingEvent(id, 2, new ContractRated(id, april, "AMBER", "RED", "OFFICER", false,
                "worst-headline-band.v1")), projection::on);
        assertThat(row(id).rationale().text()).isEqualTo("In line with in-house performance");
        assertThat(row(id).rationale().officer()).isEqualTo("officer.jones");

        apply(RatingEvents.ratingEvent(id, 3, new ContractRated(id, may, "RED", "RED", "COMPUTED", true,
                "worst-headline-band.v1")), projection::on);
        assertThat(row(id).rationale().text()).isEqualTo("Computed from the headline KPIs of 2018-05 "
                + "(worst-headline-band.v1); provisional: a headline value is not validated");
        assertThat(row(id).rationale().provisional()).isTrue();

        apply(RatingEvents.ratingEvent(id, 4, new ContractRated(id, april, "AMBER", "RED", "OFFICER", false,
                "worst-headline-band.v1")), projection::on);
        apply(RatingEvents.ratingEvent(id, 5, new ContractRated(id, YearMonth.of(2018, 6), "NOT_RATED", "NOT_RATED",
                "COMPUTED", false, "worst-headline-band.v1")), projection::on);
        assertThat(row(id).rationale().period()).as("April rated again, June not rated").isEqualTo(may);
        assertThat(row(id).ragPeriod()).isEqualTo(YearMonth.of(2018, 6));

        apply(RatingEvents.ratingEvent(id, 6, new ContractRated(id, may, "RED", "RED", "OFFICER", false,
                "worst-headline-band.v1")), projection::on);
        assertThat(row(id).rationale().rationale()).as("no officer's words of May").isNull();
        apply(RatingEvents.ratingEvent(id, 7, new RagOverridden(id, may, "RED", "AMBER", "RED",
                "Recovery plan on track", "officer.khan", "worst-headline-band.v1")), projection::on);
        apply(RatingEvents.ratingEvent(id, 8, new ContractRated(id, may, "AMBER", "RED", "OFFICER", false,
                "worst-headline-band.v1")), projection::on);
        assertThat(row(id).rationale()).isEqualTo(new DashboardRationale(may, "AMBER", "OFFICER", false,
                "worst-headline-band.v1", "Recovery plan on track", "officer.khan"));
    }

    @Test
    void followsTheNextMeetingDueAndTheOverdueMeetingUntilAMeetingIsHeldAndShowsNoneOnceEnded() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> registered = ContractEvents.sk8side(id, null);
        projection.on(registered, registered.data());
        apply(later(registered, 2, new MonitoringCadenceChanged(id, "RED", "MONTHLY", null, YearMonth.of(2018, 4),
                LocalDate.of(2018, 5, 1), LocalDate.of(2018, 6, 1))), projection::on);
        apply(later(registered, 3, new MonitoringMeetingOverdue(id, LocalDate.of(2018, 6, 1), "MONTHLY", null,
                LocalDate.of(2018, 6, 2))), projection::on);
        assertThat(row(id).nextMeetingDue()).isEqualTo(LocalDate.of(2018, 6, 1));
        assertThat(row(id).overdueMeetingDue()).isEqualTo(LocalDate.of(2018, 6, 1));

        apply(later(registered, 4, new MonitoringMeetingHeld(id, 1, LocalDate.of(2018, 6, 5), List.of(), "notes",
                List.of(), LocalDate.of(2018, 7, 5))), projection::on);
        assertThat(row(id).nextMeetingDue()).isEqualTo(LocalDate.of(2018, 7, 5));
        assertThat(row(id).meetingOverdue()).isFalse();
        apply(later(registered, 5, new MonitoringMeetingOverdue(id, LocalDate.of(2018, 7, 5), "MONTHLY",
                LocalDate.of(2018, 6, 5), LocalDate.of(2018, 7, 6))), projection::on);
        apply(later(registered, 6, new MonitoringCadenceChanged(id, "GREEN", "QUARTERLY", "MONTHLY",
                YearMonth.of(2018, 6), LocalDate.of(2018, 7, 10), LocalDate.of(2018, 9, 5))), projection::on);
        assertThat(row(id).meetingOverdue()).as("a new cadence sets a new due date").isFalse();
        assertThat(row(id).nextMeetingDue()).isEqualTo(LocalDate.of(2018, 9, 5));

        apply(later(registered, 7, new MonitoringMeetingOverdue(id, LocalDate.of(2018, 9, 5), "QUARTERLY",
                LocalDate.of(2018, 6, 5), LocalDate.of(2018, 9, 6))), projection::on);
        apply(later(registered, 8, new ContractExpired(id, LocalDate.of(2018, 9, 30))), projection::on);
        assertThat(row(id).nextMeetingDue()).isNull();
        assertThat(row(id).meetingOverdue()).isFalse();
    }

    @Test
    void summarisesByServiceAreaAreaAndRatingAndTotalsTheKnownValues() {
        register("a", "Young Lives", "YOUTH", new Lot("AREA", List.of("East", "West"), List.of()), new BigDecimal("50000"));
        register("b", "Carers First", "YOUNG_CARERS", ContractEvents.district("South", "Dover"), null);
        register("c", "Sk8side", "YOUTH", ContractEvents.district("South", "Ashford"), new BigDecimal("120000.00"));
        rate("a", 1, "AMBER");
        rate("c", 1, "AMBER");
        rate("not-registered", 1, "RED");

        DashboardSummary summary = view.summary(every -> true);

        assertThat(summary.contracts()).isEqualTo(3);
        assertThat(summary.byServiceArea()).containsExactly(
                org.assertj.core.api.Assertions.entry("YOUNG_CARERS", 1L),
                org.assertj.core.api.Assertions.entry("YOUTH", 2L));
        assertThat(summary.byArea()).containsOnly(
                org.assertj.core.api.Assertions.entry("East", 1L),
                org.assertj.core.api.Assertions.entry("South", 2L),
                org.assertj.core.api.Assertions.entry("West", 1L));
        assertThat(summary.byRag()).containsExactly(
                org.assertj.core.api.Assertions.entry("GREEN", 0L),
                org.assertj.core.api.Assertions.entry("AMBER", 2L),
                org.assertj.core.api.Assertions.entry("RED", 0L),
                org.assertj.core.api.Assertions.entry("NOT_RATED", 1L));
        assertThat(summary.totalAnnualValueGbp()).isEqualByComparingTo("170000.00");
        assertThat(summary.contractsWithKnownValue()).isEqualTo(2);
    }

    private void register(String id, String provider, String serviceArea, Lot lot, BigDecimal value) {
        IntegrationEvent<ContractRegistered> event = ContractEvents.registered(id, provider, serviceArea, lot, value);
        projection.on(event, event.data());
    }

    private void rate(String id, long sequence, String rating) {
        IntegrationEvent<RagChanged> event = RatingEvents.ragChanged(id, sequence, null, rating, YearMonth.of(2018, 4));
        projection.on(event, event.data());
    }

    private static IntegrationEvent<ContractRated> contractRated(String id, long sequence, YearMonth period,
                                                                 String rating) {
        return RatingEvents.ratingEvent(id, sequence, new ContractRated(id, period, rating, rating, "COMPUTED", false,
                "worst-headline.v1"));
    }

    /** Applies an event to the projection's handler of its type. */
    private static <T> void apply(IntegrationEvent<T> event, BiConsumer<IntegrationEvent<?>, T> handler) {
        handler.accept(event, event.data());
    }

    private List<String> ids(DashboardQuery query) {
        return view.contracts(query).stream().map(DashboardContract::id).toList();
    }

    private List<Document> storedDocuments() {
        return mongo.getCollection(DashboardProjection.COLLECTION).find().into(new java.util.ArrayList<>());
    }
}
