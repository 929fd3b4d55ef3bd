package org.commissioning.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.gateway.support.GoldenSamples.applied;

import java.time.YearMonth;

import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.support.GoldenSamples;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardTrajectory;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.ratings.v1.PerformanceNoticeConfirmed;
import org.commissioning.events.ratings.v1.PerformanceNoticeOverdue;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.events.ratings.v1.TrajectoryAssessed;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.testsupport.TestMongoTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The consumer's side of the RagChanged.v1 and TrajectoryAssessed.v1 contracts: the golden samples rag-service is
 * held to decode, and the fields the dashboard shows reach the row of the contract (registered from
 * ContractRegistered.v1's golden sample, which is of the same contract).
 */
class RatingEventsContractTest {

    static final String REGISTERED = "golden/contracts/ContractRegistered.v1.json";
    static final String RAG_CHANGED = "golden/ratings/RagChanged.v1.json";
    static final String TRAJECTORY_ASSESSED = "golden/ratings/TrajectoryAssessed.v1.json";
    static final String NOTICE_OVERDUE = "golden/ratings/PerformanceNoticeOverdue.v1.json";
    static final String NOTICE_CONFIRMED = "golden/ratings/PerformanceNoticeConfirmed.v1.json";
    static final MongoTemplate MONGO = TestMongoTemplates.create("rating-events-contract-test");

    final IntegrationEventCodec codec = new IntegrationEventCodec();
    final DashboardProjection projection = new DashboardProjection(MONGO);
    final DashboardView view = new DashboardView(MONGO);

    @BeforeEach
    void registerTheContractOfTheSamples() throws Exception {
        MONGO.remove(new Query(), DashboardProjection.COLLECTION);
        IntegrationEvent<?> registered = codec.decode(GoldenSamples.bytes(REGISTERED));
        projection.on(registered, (ContractRegistered) registered.data());
    }

    @Test
    void theDashboardRowShowsTheRatingOfTheRagChangedGoldenSample() throws Exception {
        JsonNode sample = applied(RAG_CHANGED, RagChanged.class, projection::on, "contractId", "to", "period", "basis");
        JsonNode data = sample.get("data");

        DashboardContract row = row(data.get("contractId").asText());
        assertThat(row.id()).isEqualTo(sample.get("subject").asText());
        assertThat(row.rag()).isEqualTo(data.get("to").asText()).isNotEqualTo(data.get("from").asText());
        assertThat(row.ragPeriod()).isEqualTo(YearMonth.parse(data.get("period").asText()));
        assertThat(row.ragBasis()).isEqualTo(data.get("basis").asText());
        assertThat(row.lastRatingSequence()).isEqualTo(sample.get("sequence").asLong()).isGreaterThan(1);
        assertThat(row.provider()).as("the registration's fields stay").isNotNull();
        assertThat(view.contracts(new DashboardQuery(null, null, null, null, data.get("to").asText(), null)))
                .extracting(DashboardContract::id).containsExactly(row.id());
        assertThat(view.summary(every -> true).byRag()).containsEntry(data.get("to").asText(), 1L);
    }

    @Test
    void theDashboardRowShowsTheTrajectoryOfTheTrajectoryAssessedGoldenSample() throws Exception {
        JsonNode sample = applied(TRAJECTORY_ASSESSED, TrajectoryAssessed.class, projection::on, "contractId", "trend",
                "projectedRating", "horizonMonths", "basis", "period", "statement");
        JsonNode data = sample.get("data");

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

    @Test
    void theDashboardRowShowsANoticeOverdueUntilTheConfirmationGoldenSampleSettlesIt() throws Exception {
        JsonNode overdue = applied(NOTICE_OVERDUE, PerformanceNoticeOverdue.class, projection::on, "contractId",
                "yearFrom");
        String id = overdue.at("/data/contractId").asText();

        DashboardContract row = row(id);
        assertThat(row.performanceNoticeOverdue()).isTrue();
        assertThat(row.overdueNotices()).containsExactly(overdue.at("/data/yearFrom").asText());
        assertThat(row.lastRatingSequence()).isEqualTo(overdue.get("sequence").asLong());
        assertThat(row.provider()).as("the registration's fields stay").isNotNull();

        JsonNode confirmed = applied(NOTICE_CONFIRMED, PerformanceNoticeConfirmed.class, projection::on,
                "contractId", "yearFrom");
        assertThat(confirmed.at("/data/yearFrom")).isEqualTo(overdue.at("/data/yearFrom"));
        assertThat(confirmed.get("sequence").asLong()).isGreaterThan(overdue.get("sequence").asLong());
        assertThat(row(id).performanceNoticeOverdue()).isFalse();
        assertThat(row(id).overdueNotices()).isEmpty();
    }

    @Test
    void aRowWithoutOverdueNoticesShowsNone() {
        IntegrationEvent<?> registered = codec.decode(GoldenSamples.bytes(REGISTERED));
        DashboardContract row = row(registered.subject());

        assertThat(row.performanceNoticeOverdue()).isFalse();
        assertThat(row.overdueNotices()).isEmpty();
    }

    private DashboardContract row(String id) {
        return view.contracts(DashboardQuery.all()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
