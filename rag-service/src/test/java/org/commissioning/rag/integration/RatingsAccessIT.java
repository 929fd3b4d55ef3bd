package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commissioning.rag.integration.RunningRagService.APRIL;
import static org.commissioning.rag.integration.RunningRagService.TRIAGE;
import static org.commissioning.rag.integration.RunningRagService.TRIAGE_BANDS;
import static org.commissioning.rag.integration.RunningRagService.kpiEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.events.kpi.v1.KpiDefinition;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.identity.LocalIssuer;
import org.commissioning.platform.security.SecurityProblems;
import org.commissioning.testsupport.IntegrationEvents;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * rag-service with security on, against the local issuer, over real HTTP: who may override, state a trajectory,
 * read ratings and re-derive them (SECURITY.md's table), and a provider confined to its own contracts, another
 * provider's contract answering exactly as a contract that does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "platform.security.enabled=true"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = {Topics.CONTRACTS, Topics.KPI, Topics.RATINGS})
class RatingsAccessIT extends ServiceOnEmbeddedKafka {

    @AutoClose
    static final LocalIssuer issuer = LocalIssuer.startInTemporaryDirectory("rag-issuer");

    @DynamicPropertySource
    static void trustedIssuer(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
    }

    @Test
    void aProviderReadsItsOwnContractsRatingsAndAnotherProvidersAsAContractThatDoesNotExist() throws Exception {
        String nelft = ratedContract("NELFT");
        String sk8side = ratedContract("Sk8side");
        String unknown = UUID.randomUUID().toString();

        for (String asOf : new String[] {"", "?asOf=" + Instant.now()}) {
            ResponseEntity<String> own = ratings("provider.nelft", nelft, asOf);
            assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(200);
            assertThat(body(own).at("/periods/0/period").asText()).isEqualTo("2018-04");

            JsonNode others = problem(ratings("provider.nelft", sk8side, asOf), 404);
            JsonNode none = problem(ratings("provider.nelft", unknown, asOf), 404);
            assertThat(others.toString().replace(sk8side, "{id}")).isEqualTo(none.toString().replace(unknown, "{id}"));
            assertThat(others.get("detail").asText()).contains(sk8side);
        }
        assertThat(ratings("officer.jones", sk8side, "").getStatusCode().value()).isEqualTo(200);
        assertThat(ratings("auditor.khan", sk8side, "").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aProviderDoesNotSeeTheRatingsOfAContractWhoseProviderIsNotKnownHere() throws Exception {
        String ratedOnly = UUID.randomUUID().toString();
        sendRatings(ratedOnly);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(body(ratings("officer.jones", ratedOnly, "")).get("periods")).hasSize(1));

        problem(ratings("provider.nelft", ratedOnly, ""), 404);
    }

    @Test
    void aViewerMayNotReadRatingsNorAnyoneWithoutAToken() throws Exception {
        String id = ratedContract("NELFT");

        assertThat(problem(ratings("viewer.patel", id, ""), 403).get("type").asText())
                .endsWith("/" + SecurityProblems.FORBIDDEN);
        problem(ratings("viewer.patel", UUID.randomUUID().toString(), ""), 403);
        ResponseEntity<String> anonymous = http().get().uri("/api/ratings/contracts/" + id + "/ratings")
                .retrieve().toEntity(String.class);
        assertThat(problem(anonymous, 401).get("type").asText()).endsWith("/" + SecurityProblems.UNAUTHENTICATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auditor.khan", "viewer.patel", "provider.nelft"})
    void onlyAnOfficerOverridesOrStatesATrajectoryAndARefusalStoresNothing(String user) throws Exception {
        String id = ratedContract("NELFT");
        long stored = storedEvents(id);

        problem(override(user, id), 403);
        problem(trajectory(user, id), 403);

        assertThat(storedEvents(id)).isEqualTo(stored);
        ResponseEntity<String> overridden = override("officer.jones", id);
        assertThat(overridden.getStatusCode().value()).as(overridden.getBody()).isEqualTo(200);
        assertThat(body(overridden).get("officer").asText()).isEqualTo("officer.jones");
        assertThat(trajectory("officer.jones", id).getStatusCode().value()).isEqualTo(200);
        List<String> types = published(Topics.RATINGS, id, 5).stream().map(IntegrationEvent::type).toList();
        assertThat(types.subList(3, types.size())).as("after the rating's three events, the officer's alone")
                .startsWith("org.commissioning.ratings.RagOverridden.v1");
    }

    @Test
    void checksTheCallersPermissionBeforeAsOfAndRefusesAnAsOfInTheFuture() throws Exception {
        String nelft = ratedContract("NELFT");

        problem(ratings("viewer.patel", nelft, "?asOf=yesterday"), 403);
        JsonNode malformed = problem(ratings("auditor.khan", nelft, "?asOf=yesterday"), 400);
        assertThat(malformed.get("rule").asText()).isEqualTo("instant");
        JsonNode future = problem(ratings("auditor.khan", nelft, "?asOf=" + Instant.now().plusSeconds(3600)), 400);
        assertThat(future.get("rule").asText()).isEqualTo("as-of-in-future");
        assertThat(future.at("/errors/0/field").asText()).isEqualTo("asOf");
    }

    @Test
    void aProviderMayNotRederiveRatingsAndAnAuditorMay() throws Exception {
        String id = ratedContract("NELFT");

        problem(rederivation("provider.nelft", id), 403);
        problem(rederivation("provider.nelft", UUID.randomUUID().toString()), 403);
        problem(rederivation("viewer.patel", id), 403);
        ResponseEntity<String> audited = rederivation("auditor.khan", id);
        assertThat(audited.getStatusCode().value()).as(audited.getBody()).isEqualTo(200);
        assertThat(body(audited).get("checked").asInt()).isEqualTo(1);
        assertThat(body(audited).get("mismatches")).isEmpty();
    }

    @Test
    void onlyAnOfficerOrAnAuditorReadsAContractsEvidence() throws Exception {
        String id = ratedContract("NELFT");

        problem(evidence("provider.nelft", id), 403);
        problem(evidence("viewer.patel", id), 403);
        problem(evidence("viewer.patel", UUID.randomUUID().toString()), 403);
        problem(evidence("auditor.khan", UUID.randomUUID().toString()), 404);
        for (String user : new String[] {"auditor.khan", "officer.jones"}) {
            ResponseEntity<String> part = evidence(user, id);
            assertThat(part.getStatusCode().value()).as(part.getBody()).isEqualTo(200);
            assertThat(body(part).get("context").asText()).isEqualTo("ratings");
            assertThat(body(part).at("/files/0/content").asText()).contains("\r\n2018-04,2,");
        }
    }

    /**
     * A contract of {@code provider} running from 2016 to a year from now (so a trajectory can be stated), rated
     * GREEN for April 2018, as an officer reads it.
     */
    private String ratedContract(String provider) {
        String id = UUID.randomUUID().toString();
        send(Topics.CONTRACTS, IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id,
                IntegrationEvents.REGISTERED_AT, 1, new ContractRegistered(id, provider, "YOUTH",
                        new Lot("DISTRICT", List.of("South"), List.of("Ashford")), new BigDecimal("120000.00"),
                        LocalDate.of(2016, 4, 1), LocalDate.now().plusYears(1))));
        sendRatings(id);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(http().get().uri("/api/ratings/contracts/" + id).headers(bearer("officer.jones"))
                    .retrieve().toEntity(String.class).getStatusCode().value()).as("registered").isEqualTo(200);
            ResponseEntity<String> ratings = ratings("officer.jones", id, "");
            assertThat(ratings.getStatusCode().value()).as(ratings.getBody()).isEqualTo(200);
            assertThat(body(ratings).get("periods")).hasSize(1);
        });
        await().atMost(PATIENCE).until(() -> storedEvents(id) > 0);
        return id;
    }

    /** kpi-service's framework for the contract and its April 2018 triage figure, which rates GREEN. */
    private void sendRatings(String id) {
        send(Topics.KPI,
                kpiEvent(id, 1, new KpiFrameworkDefined(id, 1, APRIL, List.of(new KpiDefinition(TRIAGE,
                        "Phone calls screened and triaged within 24 working hours", "PERCENT", "HIGHER_IS_BETTER",
                        true, "PROVIDER", TRIAGE_BANDS)))),
                kpiEvent(id, 2, new KpiSubmitted(id, APRIL, TRIAGE, null, new BigDecimal("92"), null, null,
                        "PROVIDER", 1, "GREEN")));
    }

    private ResponseEntity<String> ratings(String user, String id, String query) {
        return http().get().uri("/api/ratings/contracts/" + id + "/ratings" + query).headers(bearer(user))
                .retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> rederivation(String user, String id) {
        return http().get().uri("/api/ratings/contracts/" + id + "/rederivation").headers(bearer(user))
                .retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> evidence(String user, String id) {
        // without asOf the part is as of the current whole second, which may end before the rating just stored
        return http().get().uri("/api/ratings/contracts/" + id + "/evidence?asOf=" + Instant.now())
                .headers(bearer(user))
                .retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> override(String user, String id) {
        return postAs(user, "/api/ratings/contracts/" + id + "/periods/2018-04/override",
                "{\"rating\":\"AMBER\",\"rationale\":\"Rated amber at the review meeting.\"}");
    }

    private ResponseEntity<String> trajectory(String user, String id) {
        return postAs(user, "/api/ratings/contracts/" + id + "/trajectory",
                "{\"projectedRating\":\"GREEN\",\"statement\":\"On trajectory for green in three months.\"}");
    }

    private ResponseEntity<String> postAs(String user, String path, String body) {
        return http().post().uri(path).headers(bearer(user)).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
    }

    private static Consumer<HttpHeaders> bearer(String user) {
        return headers -> headers.setBearerAuth(issuer.accessToken(user));
    }
}
