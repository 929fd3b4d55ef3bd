package org.commissioning.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRecommissioned;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.gateway.support.ContractEvents;
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
        IntegrationEvent<ContractRegistered> event = ContractEvents.registered(id, "Sk8side", "YOUTH",
                ContractEvents.district("South", "Ashford"), new BigDecimal("120000.00"));

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
    void followsTheContractsStatusAndRatingWithoutGoingBackOnAReplay() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> registered = ContractEvents.registered(id, "Sk8side", "YOUTH",
                ContractEvents.district("South", "Ashford"), null);
        IntegrationEvent<MonitoringCadenceChanged> red = later(registered, 2, new MonitoringCadenceChanged(id, "RED",
                "MONTHLY", null, YearMonth.of(2018, 4), LocalDate.of(2018, 5, 1), LocalDate.of(2018, 6, 1)));
        IntegrationEvent<ContractTerminated> terminated = later(registered, 4,
                new ContractTerminated(id, "PROVIDER", LocalDate.of(2018, 5, 31), "the provider's decision"));
        IntegrationEvent<ContractRecommissioned> recommissioned = later(registered, 5,
                new ContractRecommissioned(id, "MINI_PROCUREMENT", null, null, "mini procurement instigated"));

        projection.on(registered, registered.data());
        projection.on(red, red.data());
        projection.on(terminated, terminated.data());
        assertThat(row(id).status()).isEqualTo("TERMINATED");
        assertThat(row(id).rag()).isEqualTo("RED");

        projection.on(recommissioned, recommissioned.data());
        projection.on(registered, registered.data());
        projection.on(terminated, terminated.data());

        assertThat(row(id).status()).isEqualTo("RECOMMISSIONED");
        assertThat(row(id).rag()).isEqualTo("RED");
        assertThat(row(id).lastEventSequence()).isEqualTo(5);
        assertThat(row(id).lastEventId()).isEqualTo(recommissioned.id());
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
        IntegrationEvent<ContractRegistered> event = ContractEvents.registered(id, "Sk8side", "YOUTH",
                ContractEvents.district("South", "Ashford"), new BigDecimal("120000.00"));

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
    void listsByServiceAreaThenProviderAndFiltersByExactValues() {
        register("a", "Young Lives", "YOUTH", new Lot("AREA", List.of("East", "West"), List.of("Canterbury", "Swale",
                "Thanet", "Maidstone", "Tonbridge and Malling", "Tunbridge Wells")), new BigDecimal("50000"));
        register("b", "Carers First", "YOUNG_CARERS", ContractEvents.district("South", "Dover"), null);
        register("c", "Sk8side", "YOUTH", ContractEvents.district("South", "Ashford"), new BigDecimal("120000.00"));
        register("d", "Salus", "FAMILY_SUPPORT", ContractEvents.district("North", "Dartford"), new BigDecimal("1000.50"));

        assertThat(ids(DashboardQuery.all())).containsExactly("d", "b", "c", "a");
        assertThat(ids(new DashboardQuery("YOUTH", null, null, null))).containsExactly("c", "a");
        assertThat(ids(new DashboardQuery(null, "East", null, null))).containsExactly("a");
        assertThat(ids(new DashboardQuery(null, "South", null, null))).containsExactly("b", "c");
        assertThat(ids(new DashboardQuery(null, null, "Swale", null))).containsExactly("a");
        assertThat(ids(new DashboardQuery(null, null, null, "Sk8side"))).containsExactly("c");
        assertThat(ids(new DashboardQuery("YOUTH", "South", "Ashford", "Sk8side"))).containsExactly("c");
        assertThat(ids(new DashboardQuery("YOUTH", "North", null, null))).isEmpty();
        assertThat(ids(new DashboardQuery(null, null, null, "sk8side"))).isEmpty();
        assertThat(ids(new DashboardQuery("", null, null, null))).isEmpty();
        assertThat(ids(new DashboardQuery(null, "Atlantis", null, null))).isEmpty();
    }

    @Test
    void summarisesByServiceAreaAndAreaAndTotalsTheKnownValues() {
        register("a", "Young Lives", "YOUTH", new Lot("AREA", List.of("East", "West"), List.of()), new BigDecimal("50000"));
        register("b", "Carers First", "YOUNG_CARERS", ContractEvents.district("South", "Dover"), null);
        register("c", "Sk8side", "YOUTH", ContractEvents.district("South", "Ashford"), new BigDecimal("120000.00"));

        DashboardSummary summary = view.summary();

        assertThat(summary.contracts()).isEqualTo(3);
        assertThat(summary.byServiceArea()).containsExactly(
                org.assertj.core.api.Assertions.entry("YOUNG_CARERS", 1L),
                org.assertj.core.api.Assertions.entry("YOUTH", 2L));
        assertThat(summary.byArea()).containsOnly(
                org.assertj.core.api.Assertions.entry("East", 1L),
                org.assertj.core.api.Assertions.entry("South", 2L),
                org.assertj.core.api.Assertions.entry("West", 1L));
        assertThat(summary.totalAnnualValueGbp()).isEqualByComparingTo("170000.00");
        assertThat(summary.contractsWithKnownValue()).isEqualTo(2);
    }

    private void register(String id, String provider, String serviceArea, Lot lot, BigDecimal value) {
        IntegrationEvent<ContractRegistered> event = ContractEvents.registered(id, provider, serviceArea, lot, value);
        projection.on(event, event.data());
    }

    private List<String> ids(DashboardQuery query) {
        return view.contracts(query).stream().map(DashboardContract::id).toList();
    }

    private List<Document> storedDocuments() {
        return mongo.getCollection(DashboardProjection.COLLECTION).find().into(new java.util.ArrayList<>());
    }
}
