package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.kpi.v1.KpiCorrected;
import org.commissioning.events.kpi.v1.KpiDefinition;
import org.commissioning.events.kpi.v1.KpiDiscrepancyFlagged;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.events.ratings.v1.KpiRated;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.events.ratings.v1.RagOverridden;
import org.commissioning.events.ratings.v1.TrajectoryAssessed;
import org.commissioning.testsupport.ConsumerGroups;
import org.commissioning.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * kpi.events.v1 in, ratings.events.v1 out, through the service as it runs: embedded KRaft broker, the shared
 * in-process Mongo server, the platform's idempotent consumer and outbox relay.
 */
class RatingsFromKpiEventsIT extends RunningRagService {

    @Value("${spring.application.name}")
    String group;

    @Test
    void ratesKpiEventsReRatesACorrectionKeepsWhatWasKnownAndIgnoresRedeliveries() throws Exception {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<?>[] kpiEvents = {
                kpiEvent(id, 1, new KpiFrameworkDefined(id, 1, APRIL, List.of(new KpiDefinition(TRIAGE,
                        "Phone calls screened and triaged within 24 working hours", "PERCENT", "HIGHER_IS_BETTER",
                        true, "PROVIDER", TRIAGE_BANDS)))),
                kpiEvent(id, 2, new KpiSubmitted(id, APRIL, TRIAGE, null, new BigDecimal("66"), null, null,
                        "PROVIDER", 1, "RED")),
                kpiEvent(id, 3, new KpiSubmitted(id, APRIL, TRIAGE, "Ashford", new BigDecimal("99"), null, null,
                        "PROVIDER", 1, "STRETCH"))};
        send(Topics.KPI, kpiEvents);

        List<IntegrationEvent<?>> published = published(id, 3);
        assertThat(published).extracting(IntegrationEvent::type).containsExactly(
                "org.commissioning.ratings.KpiRated.v1", "org.commissioning.ratings.ContractRated.v1",
                "org.commissioning.ratings.RagChanged.v1");
        assertThat(published).extracting(IntegrationEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(published).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("/rag-service");
            assertThat(e.subject()).isEqualTo(id);
        });
        assertThat(published.get(0).data()).isEqualTo(new KpiRated(id, APRIL, TRIAGE, new BigDecimal("66"), null,
                null, "PROVIDER", 1, "RED", "RED", true, false));
        assertThat(published.get(1).data()).isEqualTo(new ContractRated(id, APRIL, "RED", "RED", "COMPUTED", false,
                "worst-headline-band.v1"));
        assertThat(published.get(2).data()).isEqualTo(new RagChanged(id, null, "RED", APRIL, "COMPUTED", null));
        assertThat(published).as("rated because of the provider's KPI return").allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.causedby()).isEqualTo("nelft.performance");
            assertThat(e.correlationid()).as("in the chain of a KPI event")
                    .isIn(Stream.of(kpiEvents).map(IntegrationEvent::correlationid).toList());
        });

        JsonNode history = await().atMost(PATIENCE).ignoreExceptions().until(() -> ratings(id, null),
                h -> h.get("changes").size() == 1);
        assertThat(history.get("current").asText()).isEqualTo("RED");
        JsonNode april = history.get("periods").get(0);
        JSONAssert.assertEquals("""
                {"period": "2018-04", "rating": "RED", "basis": "COMPUTED", "policyVersion": "worst-headline-band.v1",
                 "ratedBy": "rag-service", "triggeredBy": "system", "causedBy": "nelft.performance",
                 "frameworkVersions": [1],
                 "evidence": [{"kpiCode": "CALLS-TRIAGED-24H", "source": "PROVIDER", "band": "RED"}]}""",
                april.toString(), JSONCompareMode.LENIENT);
        assertThat(april.at("/evidence/0/value").decimalValue()).isEqualByComparingTo("66");
        Instant recordedAt = Instant.parse(april.get("recordedAt").asText());
        assertThat(ratings(id, recordedAt.minusMillis(1)).get("periods")).isEmpty();

        send(Topics.KPI, kpiEvents);
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), group, Topics.KPI, PATIENCE);
        assertThat(ratings(id, null)).as("after every event was delivered again").isEqualTo(history);

        IntegrationEvent<?> correction = kpiEvent(id, 4, new KpiCorrected(id, APRIL, TRIAGE, null,
                new BigDecimal("91"), null, null, new BigDecimal("66"), null, null, "PROVIDER", 1, "GREEN",
                "Calls logged on the old system were missed", "nelft.performance",
                Instant.parse("2018-06-01T09:00:00Z")));
        send(Topics.KPI, correction);
        List<IntegrationEvent<?>> corrected = published(id, 6);
        assertThat(corrected.subList(3, 6).stream().<Object>map(IntegrationEvent::data).toList())
                .as("nothing was published for the redelivered events").containsExactly(
                        new KpiRated(id, APRIL, TRIAGE, new BigDecimal("91"), null, null, "PROVIDER", 1, "GREEN",
                                "GREEN", true, true),
                        new ContractRated(id, APRIL, "GREEN", "GREEN", "COMPUTED", false, "worst-headline-band.v1"),
                        new RagChanged(id, "RED", "GREEN", APRIL, "COMPUTED", null));
        assertThat(corrected).extracting(IntegrationEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);

        JsonNode reRated = await().atMost(PATIENCE).ignoreExceptions().until(() -> ratings(id, null),
                h -> h.get("changes").size() == 2);
        assertThat(reRated.at("/periods/0/rating").asText()).isEqualTo("GREEN");
        assertThat(reRated.at("/periods/0/reason").asText())
                .isEqualTo("re-rated after KPI CALLS-TRIAGED-24H (PROVIDER) was corrected from 66 to 91");
        assertThat(reRated.get("ratings")).hasSize(2);
        assertThat(reRated.at("/ratings/0/rating").asText()).isEqualTo("RED");
        assertThat(reRated.at("/ratings/1/rating").asText()).isEqualTo("GREEN");
        Instant correctedAt = Instant.parse(reRated.at("/ratings/1/recordedAt").asText());
        JsonNode beforeCorrection = ratings(id, correctedAt.minusMillis(1));
        assertThat(beforeCorrection.at("/periods/0/rating").asText()).as("as known before the correction")
                .isEqualTo("RED");
        assertThat(beforeCorrection.get("current").asText()).isEqualTo("RED");
        assertThat(beforeCorrection.get("ratings")).hasSize(1);

        send(Topics.KPI, correction);
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), group, Topics.KPI, PATIENCE);
        assertThat(ratings(id, null)).as("after the correction was delivered again").isEqualTo(reRated);

        send(Topics.KPI, kpiEvent(id, 5, new KpiDiscrepancyFlagged(id, APRIL,
                TRIAGE, null, new BigDecimal("91"), new BigDecimal("80"), new BigDecimal("11"), new BigDecimal("2"),
                1, Instant.parse("2018-06-02T09:00:00Z"))));
        JsonNode provisional = await().atMost(PATIENCE).ignoreExceptions().until(() -> ratings(id, null),
                h -> h.get("ratings").size() == 3);
        assertThat(provisional.at("/periods/0/provisional").asBoolean()).isTrue();
        assertThat(provisional.at("/periods/0/notValidated/0").asText()).isEqualTo(TRIAGE);
        assertThat(published(id, 7).get(6).data()).isEqualTo(new ContractRated(id, APRIL, "GREEN", "GREEN",
                "COMPUTED", true, "worst-headline-band.v1"));

        ResponseEntity<String> overridden = TestHttp.client(port).post()
                .uri("/api/ratings/contracts/" + id + "/periods/2018-04/override")
                .header("X-Actor", "officer.jones").contentType(MediaType.APPLICATION_JSON)
                .body("{\"rating\":\"AMBER\",\"rationale\":\"Figures not yet validated.\"}")
                .retrieve().toEntity(String.class);
        assertThat(overridden.getStatusCode().value()).as(overridden.getBody()).isEqualTo(200);
        List<IntegrationEvent<?>> after = published(id, 10);
        assertThat(after.subList(7, 10).stream().<Object>map(IntegrationEvent::data).toList()).containsExactly(
                new RagOverridden(id, APRIL, "GREEN", "AMBER", "GREEN", "Figures not yet validated.",
                        "officer.jones", "worst-headline-band.v1"),
                new ContractRated(id, APRIL, "AMBER", "GREEN", "OFFICER", true, "worst-headline-band.v1"),
                new RagChanged(id, "GREEN", "AMBER", APRIL, "OFFICER", "Figures not yet validated."));
        assertThat(after.get(7).actor()).isEqualTo("officer.jones");
        assertThat(after.get(7).causedby()).isNull();

        JsonNode decided = await().atMost(PATIENCE).ignoreExceptions().until(() -> ratings(id, null),
                h -> h.get("changes").size() == 3);
        assertThat(decided.at("/periods/0/basis").asText()).isEqualTo("OFFICER");
        assertThat(decided.at("/periods/0/computedRating").asText()).isEqualTo("GREEN");
        assertThat(decided.at("/periods/0/rating").asText()).isEqualTo("AMBER");
        assertThat(ratings(id, correctedAt).at("/periods/0/rating").asText()).as("as known before the override")
                .isEqualTo("GREEN");

        ResponseEntity<String> stated = TestHttp.client(port).post()
                .uri("/api/ratings/contracts/" + id + "/trajectory")
                .header("X-Actor", "officer.jones").contentType(MediaType.APPLICATION_JSON)
                .body("{\"projectedRating\":\"GREEN\",\"statement\":\"On trajectory for green in the next three "
                        + "months\"}")
                .retrieve().toEntity(String.class);
        assertThat(stated.getStatusCode().value()).as(stated.getBody()).isEqualTo(200);
        assertThat(published(id, 11).get(10).data()).isEqualTo(new TrajectoryAssessed(id, APRIL, 3, "AMBER", "GREEN",
                "IMPROVING", "OFFICER", null, "On trajectory for green in the next three months", "officer.jones",
                List.of()));
        JsonNode withTrajectory = await().atMost(PATIENCE).ignoreExceptions().until(() -> ratings(id, null),
                h -> h.hasNonNull("trajectory"));
        assertThat(withTrajectory.at("/trajectory/statement").asText())
                .isEqualTo("On trajectory for green in the next three months");
        assertThat(withTrajectory.at("/trajectory/basis").asText()).isEqualTo("OFFICER");

        ResponseEntity<String> noRationale = TestHttp.client(port).post()
                .uri("/api/ratings/contracts/" + id + "/periods/2018-04/override")
                .contentType(MediaType.APPLICATION_JSON).body("{\"rating\":\"GREEN\",\"rationale\":\" \"}")
                .retrieve().toEntity(String.class);
        assertThat(noRationale.getStatusCode().value()).isEqualTo(400);
        assertThat(noRationale.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(noRationale.getBody()).contains("rationale");

        ResponseEntity<String> unknown = TestHttp.client(port).post()
                .uri("/api/ratings/contracts/" + UUID.randomUUID() + "/periods/2018-04/override")
                .contentType(MediaType.APPLICATION_JSON).body("{\"rating\":\"GREEN\",\"rationale\":\"why\"}")
                .retrieve().toEntity(String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    }
}
