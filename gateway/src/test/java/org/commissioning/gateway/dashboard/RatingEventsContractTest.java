package org.commissioning.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.events.ratings.v1.TrajectoryAssessed;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The consumer's side of the RagChanged.v1 and TrajectoryAssessed.v1 contracts: the golden samples rag-service is
 * held to decode, and the fields the dashboard shows reach the row of the contract (registered from
 * ContractRegistered.v1's golden sample, which is of the same contract).
 */
class RatingEventsContractTest {

    static final String REGISTERED = "golden/contracts/ContractRegistered.v1.json";
    static final String RAG_CHANGED = "golden/ratings/RagChanged.v1.json";
    static final String TRAJECTORY_ASSESSED = "golden/ratings/TrajectoryAssessed.v1.json";
    static final MongoTemplate MONGO = TestMongoTemplates.create("rating-events-contract-test");

    final IntegrationEventCodec codec = new IntegrationEventCodec();
    final ObjectMapper json = new ObjectMapper();
    final DashboardProjection projection = new DashboardProjection(MONGO);
    final DashboardView view = new DashboardView(MONGO);

    @BeforeEach
    void registerTheContractOfTheSamples() throws Exception {
        MONGO.remove(new Query(), DashboardProjection.COLLECTION);
        IntegrationEvent<?> registered = codec.decode(golden(REGISTERED));
        projection.on(registered, (ContractRegistered) registered.data());
    }

    @Test
    void theDashboardRowShowsTheRatingOfTheRagChangedGoldenSample() throws Exception {
        byte[] golden = golden(RAG_CHANGED);
        JsonNode sample = json.readTree(golden);
        JsonNode data = sample.get("data");
        assertThat(fieldNames(data)).as("fields of RagChanged.v1 the dashboard maps")
                .contains("contractId", "to", "period", "basis");

        IntegrationEvent<?> event = codec.decode(golden);
        assertThat(event.data()).isInstanceOf(RagChanged.class);
        projection.on(event, (RagChanged) event.data());

        DashboardContract row = row(data.get("contractId").asText());
        assertThat(row.id()).isEqualTo(sample.get("subject").asText());
        assertThat(row.rag()).isEqualTo(data.get("to").asText()).isNotEqualTo(data.get("from").asText());
        assertThat(row.ragPeriod()).isEqualTo(YearMonth.parse(data.get("period").asText()));
        assertThat(row.ragBasis()).isEqualTo(data.get("basis").asText());
        assertThat(row.lastRatingSequence()).isEqualTo(sample.get("sequence").asLong()).isGreaterThan(1);
        assertThat(row.provider()).as("the registration's fields stay").isNotNull();
        assertThat(view.contracts(new DashboardQuery(null, null, null, null, data.get("to").asText(), null)))
                .extracting(DashboardContract::id).containsExactly(row.id());
        assertThat(view.summary().byRag()).containsEntry(data.get("to").asText(), 1L);
    }

    @Test
    void theDashboardRowShowsTheTrajectoryOfTheTrajectoryAssessedGoldenSample() throws Exception {
        byte[] golden = golden(TRAJECTORY_ASSESSED);
        JsonNode sample = json.readTree(golden);
        JsonNode data = sample.get("data");
        assertThat(fieldNames(data)).as("fields of TrajectoryAssessed.v1 the dashboard maps")
                .contains("contractId", "trend", "projectedRating", "horizonMonths", "basis", "period", "statement");

        IntegrationEvent<?> event = codec.decode(golden);
        assertThat(event.data()).isInstanceOf(TrajectoryAssessed.class);
        projection.on(event, (TrajectoryAssessed) event.data());

        DashboardContract row = row(data.get("contractId").asText());
        assertThat(row.id()).isEqualTo(sample.get("subject").asText());
        DashboardTrajectory trajectory = row.trajectory();
        assertThat(trajectory).isNotNull();
        assertThat(trajectory.trend()).isEqualTo(data.get("trend").asText());
        assertThat(trajectory.projectedRating()).isEqualTo(data.get("projectedRating").asText());
        assertThat(trajectory.horizonMonths()).isEqualTo(data.get("horizonMonths").asInt()).isPositive();
        assertThat(trajectory.basis()).isEqualTo(data.get("basis").asText());
        assertThat(trajectory.period()).isEqualTo(YearMonth.parse(data.get("period").asText()));
        assertThat(data.get("statement").isNull()).as("the sample is a computed trajectory").isTrue();
        assertThat(trajectory.statement()).isNull();
        assertThat(row.lastRatingSequence()).isEqualTo(sample.get("sequence").asLong()).isGreaterThan(1);
        assertThat(row.rag()).as("a trajectory is not a rating").isNull();
    }

    private DashboardContract row(String id) {
        return view.contracts(DashboardQuery.all()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private byte[] golden(String path) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath (infra/events)").isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
