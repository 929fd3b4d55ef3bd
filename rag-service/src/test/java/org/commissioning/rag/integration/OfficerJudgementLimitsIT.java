package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractExtended;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.ContractVaried;
import org.commissioning.testsupport.IntegrationEvents;
import org.commissioning.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Officer judgement over real HTTP, bounded: every text field has a maximum length, a rating is one of the decidable
 * ones, and a period is rated only once it has begun and within the contract's term as contracts.events.v1 says it
 * is now. A refused request stores nothing (the event store is unchanged) and publishes nothing.
 */
class OfficerJudgementLimitsIT extends RunningRagService {

    static final String ONE_MIB = "x".repeat(1024 * 1024);

    @Test
    void refusesOverlongTextsUndecidableRatingsAndPeriodsOutsideTheTermStoringAndPublishingNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        sendContractEvents(IntegrationEvents.registered(id, 1));
        awaitTermEnds(id, "2019-03-31");
        assertThat(override(id, "2018-04", "{\"rating\":\"AMBER\",\"rationale\":\"Rated amber in the report.\"}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(published(id, 3)).hasSize(3);
        await().atMost(PATIENCE).until(() -> storedEvents(id) > 0);
        long stored = storedEvents(id);

        JsonNode hugeRationale = problem(override(id, "2018-04",
                "{\"rating\":\"GREEN\",\"rationale\":\"" + ONE_MIB + "\"}"), 413);
        assertThat(hugeRationale.get("limit").asLong()).isEqualTo(64 * 1024);
        problem(trajectory(id, "{\"projectedRating\":\"GREEN\",\"statement\":\"" + ONE_MIB + "\"}"), 413);
        JsonNode longStatement = problem(trajectory(id,
                "{\"projectedRating\":\"GREEN\",\"statement\":\"" + "s".repeat(2001) + "\"}"), 400);
        assertThat(longStatement.at("/errors/0/field").asText()).isEqualTo("statement");
        JsonNode justOver = problem(override(id, "2018-04",
                "{\"rating\":\"GREEN\",\"rationale\":\"" + "y".repeat(4001) + "\"}"), 400);
        assertThat(justOver.at("/errors/0/field").asText()).isEqualTo("rationale");

        YearMonth currentMonth = YearMonth.now(ZoneId.of("Europe/London"));
        JsonNode future = problem(override(id, "2999-01", "{\"rating\":\"GREEN\",\"rationale\":\"Looks good\"}"), 400);
        assertThat(future.get("rule").asText()).isEqualTo("period-not-in-future");
        assertThat(future.at("/errors/0/field").asText()).isEqualTo("period");
        assertThat(future.get("detail").asText()).contains("2999-01 is after the current month " + currentMonth);
        JsonNode afterTerm = problem(override(id, "2019-04", "{\"rating\":\"GREEN\",\"rationale\":\"Why\"}"), 400);
        assertThat(afterTerm.get("rule").asText()).isEqualTo("period-within-term");
        assertThat(afterTerm.get("detail").asText()).contains("2019-04 is outside the contract's term 2016-04..2019-03");
        JsonNode beforeTerm = problem(override(id, "2016-03", "{\"rating\":\"GREEN\",\"rationale\":\"Why\"}"), 400);
        assertThat(beforeTerm.get("rule").asText()).isEqualTo("period-within-term");

        JsonNode purple = problem(override(id, "2018-04", "{\"rating\":\"PURPLE\",\"rationale\":\"Why\"}"), 400);
        assertThat(purple.at("/errors/0/field").asText()).isEqualTo("rating");
        JsonNode stretch = problem(override(id, "2018-04", "{\"rating\":\"STRETCH\",\"rationale\":\"Why\"}"), 400);
        assertThat(stretch.get("rule").asText()).isEqualTo("decidable-rating");
        JsonNode noRating = problem(override(id, "2018-04", "{\"rationale\":\"Why\"}"), 400);
        assertThat(noRating.at("/errors/0/field").asText()).isEqualTo("rating");
        JsonNode rationaleAnObject = problem(override(id, "2018-04",
                "{\"rating\":\"GREEN\",\"rationale\":{\"text\":\"Why\"}}"), 400);
        assertThat(rationaleAnObject.at("/errors/0/field").asText()).isEqualTo("rationale");
        JsonNode horizon = problem(trajectory(id,
                "{\"projectedRating\":\"GREEN\",\"statement\":\"Improving\",\"horizonMonths\":13}"), 400);
        assertThat(horizon.at("/errors/0/field").asText()).isEqualTo("horizonMonths");
        JsonNode heading = problem(trajectory(id, "{\"projectedRating\":\"BLUE\",\"statement\":\"Improving\"}"), 400);
        assertThat(heading.at("/errors/0/field").asText()).isEqualTo("projectedRating");

        assertThat(storedEvents(id)).as("nothing stored for a refused request").isEqualTo(stored);

        // the term follows contract-service: varied to September 2019, extended to March 2020, terminated in June 2019
        sendContractEvents(IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, Instant.now(), 2,
                new ContractVaried(id, null, LocalDate.of(2019, 9, 30), null, LocalDate.of(2019, 3, 31),
                        LocalDate.of(2018, 6, 1), "Aligned with the school year")));
        awaitTermEnds(id, "2019-09-30");
        sendContractEvents(IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, Instant.now(), 3,
                new ContractExtended(id, LocalDate.of(2020, 3, 31), LocalDate.of(2019, 9, 30), null)));
        awaitTermEnds(id, "2020-03-31");
        assertThat(override(id, "2019-04", "{\"rating\":\"GREEN\",\"rationale\":\"Back on track.\"}")
                .getStatusCode().value()).as("inside the extended term").isEqualTo(200);
        sendContractEvents(IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, Instant.now(), 4,
                new ContractTerminated(id, "PROVIDER", LocalDate.of(2019, 6, 30), "Provider withdrew")));
        awaitTermEnds(id, "2019-06-30");
        JsonNode afterTermination = problem(override(id, "2019-07",
                "{\"rating\":\"RED\",\"rationale\":\"Why\"}"), 400);
        assertThat(afterTermination.get("detail").asText())
                .contains("2019-07 is outside the contract's term 2016-04..2019-06");
        JsonNode endedTrajectory = problem(trajectory(id,
                "{\"projectedRating\":\"GREEN\",\"statement\":\"Improving\"}"), 400);
        assertThat(endedTrajectory.get("rule").asText()).isEqualTo("period-within-term");
        assertThat(endedTrajectory.get("detail").asText()).contains("in " + currentMonth)
                .contains("outside the contract's term 2016-04..2019-06");

        List<IntegrationEvent<?>> published = published(id, 6);
        assertThat(published).as("only the two accepted overrides were published").extracting(IntegrationEvent::type)
                .containsExactly("org.commissioning.ratings.RagOverridden.v1",
                        "org.commissioning.ratings.ContractRated.v1", "org.commissioning.ratings.RagChanged.v1",
                        "org.commissioning.ratings.RagOverridden.v1",
                        "org.commissioning.ratings.ContractRated.v1", "org.commissioning.ratings.RagChanged.v1");
    }

    private ResponseEntity<String> override(String id, String period, String body) {
        return TestHttp.client(port).post().uri("/api/ratings/contracts/" + id + "/periods/" + period + "/override")
                .header("X-Actor", "officer.jones").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> trajectory(String id, String body) {
        return TestHttp.client(port).post().uri("/api/ratings/contracts/" + id + "/trajectory")
                .header("X-Actor", "officer.jones").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
    }

    private void awaitTermEnds(String id, String end) {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            ResponseEntity<String> known = TestHttp.client(port).get().uri("/api/ratings/contracts/" + id)
                    .retrieve().toEntity(String.class);
            assertThat(json.readTree(known.getBody()).get("end").asText()).isEqualTo(end);
        });
    }

    private void sendContractEvents(IntegrationEvent<?>... events) {
        send(Topics.CONTRACTS, events);
    }
}
