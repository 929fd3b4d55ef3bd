package org.commissioning.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.gateway.support.GoldenSamples.applied;

import java.time.LocalDate;
import java.time.YearMonth;

import org.bson.Document;
import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.commissioning.events.contracts.v1.MonitoringMeetingHeld;
import org.commissioning.events.contracts.v1.MonitoringMeetingOverdue;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.events.kpi.v1.ReturnOverdue;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.events.ratings.v1.RagOverridden;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.api.DashboardRationale;
import org.commissioning.gateway.support.GoldenSamples;
import org.commissioning.gateway.support.RatingEvents;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The consumer's side of the monitoring events (contracts), ReturnOverdue and KpiSubmitted (kpi) and RagOverridden and
 * ContractRated (ratings): the golden samples their owners are held to decode, and the fields the county overview and
 * the rating table show reach the row of the contract.
 */
class MonitoringReturnsAndRationaleContractTest {

    static final MongoTemplate MONGO = TestMongoTemplates.create("monitoring-returns-rationale-contract-test");

    final IntegrationEventCodec codec = new IntegrationEventCodec();
    final ObjectMapper json = new ObjectMapper();
    final DashboardProjection projection = new DashboardProjection(MONGO);
    final DashboardView view = new DashboardView(MONGO);
    String contractId;

    @BeforeEach
    void registerTheContractOfTheSamples() {
        MONGO.remove(new Query(), DashboardProjection.COLLECTION);
        IntegrationEvent<?> registered = codec.decode(GoldenSamples.bytes(
                "golden/contracts/ContractRegistered.v1.json"));
        projection.on(registered, (ContractRegistered) registered.data());
        contractId = registered.subject();
    }

    @Test
    void theRowShowsTheNextMeetingDueOfTheCadenceAndTheMeetingAndTheOverdueMeetingOfTheSamples() throws Exception {
        JsonNode cadence = applied("golden/contracts/MonitoringCadenceChanged.v1.json", MonitoringCadenceChanged.class,
                projection::on, "nextMeetingDue", "cadence");
        assertThat(row().nextMeetingDue()).isEqualTo(date(cadence, "nextMeetingDue"));
        assertThat(row().cadence()).isEqualTo(cadence.at("/data/cadence").asText());

        JsonNode held = applied("golden/contracts/MonitoringMeetingHeld.v1.json", MonitoringMeetingHeld.class,
                projection::on, "nextMeetingDue");
        assertThat(date(held, "nextMeetingDue")).isNotEqualTo(date(cadence, "nextMeetingDue"));
        assertThat(row().nextMeetingDue()).isEqualTo(date(held, "nextMeetingDue"));
        assertThat(row().meetingOverdue()).isFalse();

        JsonNode overdue = applied("golden/contracts/MonitoringMeetingOverdue.v1.json", MonitoringMeetingOverdue.class,
                projection::on, "dueDate");
        assertThat(row().overdueMeetingDue()).isEqualTo(date(overdue, "dueDate"));
        assertThat(row().meetingOverdue()).isTrue();
        assertThat(row().lastEventSequence()).isEqualTo(overdue.get("sequence").asLong());
    }

    @Test
    void theRowShowsTheReturnOverdueOfTheSampleUntilAProvidersValueOfTheMonthArrives() throws Exception {
        JsonNode overdue = applied("golden/kpi/ReturnOverdue.v1.json", ReturnOverdue.class, projection::on,
                "contractId", "period");
        String id = overdue.get("subject").asText();
        String period = overdue.at("/data/period").asText();
        assertThat(stored(id).overdueReturns()).containsExactly(period);
        assertThat(stored(id).lastKpiSequence()).isEqualTo(overdue.get("sequence").asLong());

        JsonNode submitted = json.readTree(GoldenSamples.bytes("golden/kpi/KpiSubmitted.v1.json"));
        assertThat(GoldenSamples.fieldNames(submitted.get("data"))).contains("period", "source");
        assertThat(submitted.at("/data/source").asText()).isEqualTo("PROVIDER");
        long next = overdue.get("sequence").asLong() + 1;
        KpiSubmitted council = new KpiSubmitted(id, YearMonth.parse(period), "ATTEND", null, null, null, null,
                "COUNCIL", 1, "RED");
        projection.on(kpiEvent(id, next, council), council);
        assertThat(stored(id).overdueReturns()).as("a council figure is not the return").containsExactly(period);

        KpiSubmitted provider = new KpiSubmitted(id, YearMonth.parse(period), "ATTEND", null, null, null, null,
                "PROVIDER", 1, "RED");
        projection.on(kpiEvent(id, next + 1, provider), provider);
        assertThat(stored(id).overdueReturns()).isEmpty();
        assertThat(stored(id).lastKpiSequence()).isEqualTo(next + 1);
    }

    @Test
    void theRowShowsTheOfficersRationaleOfTheRagOverriddenSampleWithItsContractRated() throws Exception {
        JsonNode overridden = applied("golden/ratings/RagOverridden.v1.json", RagOverridden.class, projection::on,
                "period", "rating", "rationale", "officer");
        assertThat(row().rationale()).as("the ContractRated that follows shows it").isNull();
        YearMonth period = YearMonth.parse(overridden.at("/data/period").asText());
        String rating = overridden.at("/data/rating").asText();
        ContractRated rated = new ContractRated(contractId, period, rating, overridden.at("/data/computedRating")
                .asText(), "OFFICER", false, overridden.at("/data/policyVersion").asText());
        projection.on(RatingEvents.ratingEvent(contractId, overridden.get("sequence").asLong() + 1, rated), rated);

        DashboardRationale rationale = row().rationale();
        assertThat(rationale.text()).isEqualTo(overridden.at("/data/rationale").asText());
        assertThat(rationale.officer()).isEqualTo(overridden.at("/data/officer").asText());
        assertThat(rationale.rating()).isEqualTo(rating);
        assertThat(rationale.basis()).isEqualTo("OFFICER");
        assertThat(rationale.period()).isEqualTo(period);
    }

    @Test
    void theRowShowsHowTheRatingOfTheContractRatedSampleWasComputed() throws Exception {
        JsonNode rated = applied("golden/ratings/ContractRated.v1.json", ContractRated.class, projection::on,
                "period", "rating", "basis", "provisional", "policyVersion");
        assertThat(rated.at("/data/basis").asText()).isEqualTo("COMPUTED");

        DashboardRationale rationale = row().rationale();
        assertThat(rationale.rationale()).isNull();
        assertThat(rationale.text()).isEqualTo("Computed from the headline KPIs of " + rated.at("/data/period")
                .asText() + " (" + rated.at("/data/policyVersion").asText() + ")");
        assertThat(rationale.rating()).isEqualTo(rated.at("/data/rating").asText());
    }

    private static LocalDate date(JsonNode sample, String field) {
        return LocalDate.parse(sample.at("/data/" + field).asText());
    }

    private DashboardContract row() {
        return view.contracts(DashboardQuery.all()).stream().filter(r -> r.id().equals(contractId)).findFirst()
                .orElseThrow();
    }

    /** The stored row of a contract not registered (its KPI events may come first): its KPI fields. */
    private static Stored stored(String id) {
        Document row = MONGO.findById(id, Document.class, DashboardProjection.COLLECTION);
        return new Stored(row.getList("overdueReturns", String.class), row.getLong("lastKpiSequence"));
    }

    private record Stored(java.util.List<String> overdueReturns, long lastKpiSequence) {
    }

    private static <T> IntegrationEvent<T> kpiEvent(String id, long sequence, T data) {
        return IntegrationEvent.of(java.util.UUID.randomUUID().toString(), Context.KPI.source(), id,
                java.time.Instant.now(), sequence, "kpi-service", java.util.UUID.randomUUID().toString(), data);
    }
}
