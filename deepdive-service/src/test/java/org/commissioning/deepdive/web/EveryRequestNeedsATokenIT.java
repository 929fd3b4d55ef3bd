package org.commissioning.deepdive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.identity.DemoUsers;
import org.commissioning.identity.LocalIssuer;
import org.commissioning.platform.security.SecurityProblems;
import org.commissioning.testsupport.IntegrationEvents;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * deepdive-service with security on, against the local issuer: only health is answered without a valid token; a
 * provider reads its own deep dives and programme rows only, and only the officer writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "platform.security.enabled=true"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
class EveryRequestNeedsATokenIT extends ServiceOnEmbeddedKafka {

    @AutoClose
    static final LocalIssuer issuer = startIssuer();

    @DynamicPropertySource
    static void trustedIssuer(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
    }

    @Test
    void listsTheKnownContractsToACallerWithATokenAndRefusesOneWithout() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Topics.CONTRACTS, IntegrationEvents.registered(id, 1));

        String token = issuer.accessToken("officer.jones", "officer-secret");
        await().atMost(PATIENCE).untilAsserted(() -> {
            ResponseEntity<String> listed = http().get().uri("/api/deepdives/contracts")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toEntity(String.class);
            assertThat(listed.getStatusCode().value()).as(listed.getBody()).isEqualTo(200);
            assertThat(body(listed).findValuesAsText("id")).contains(id);
        });

        ResponseEntity<String> anonymous = get("/api/deepdives/contracts");
        assertThat(problem(anonymous, 401).get("type").asText()).endsWith("/" + SecurityProblems.UNAUTHENTICATED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(anonymous.getBody()).doesNotContain(id);
        ResponseEntity<String> forged = http().get().uri("/api/deepdives/contracts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token").retrieve().toEntity(String.class);
        problem(forged, 401);
        assertThat(get("/actuator/health").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void confinesAProviderToItsOwnDeepDivesAndLetsOnlyTheOfficerWrite() throws Exception {
        String nelft = UUID.randomUUID().toString();
        String sk8side = UUID.randomUUID().toString();
        send(Topics.CONTRACTS, registration(nelft, "NELFT"), registration(sk8side, "Sk8side"));
        String officer = issuer.accessToken(DemoUsers.OFFICER);
        await().atMost(PATIENCE).until(() -> as(officer, "GET", "/api/deepdives/contracts/" + sk8side, null)
                .getStatusCode().value() == 200 && as(officer, "GET", "/api/deepdives/contracts/" + nelft, null)
                .getStatusCode().value() == 200);
        String provider = issuer.accessToken(DemoUsers.NELFT);
        String auditor = issuer.accessToken(DemoUsers.AUDITOR);
        String viewer = issuer.accessToken(DemoUsers.VIEWER);

        problem(as(provider, "POST", "/api/deepdives/programmes/2017", null), 403);
        assertThat(as(officer, "POST", "/api/deepdives/programmes/2017", null).getStatusCode().value())
                .isEqualTo(201);
        String own = "/api/deepdives/contracts/" + nelft + "/deep-dives/2017";
        String other = "/api/deepdives/contracts/" + sk8side + "/deep-dives/2017";
        long stored = storedEvents();

        assertThat(as(provider, "GET", own, null).getStatusCode().value()).isEqualTo(200);
        problem(as(provider, "GET", other, null), 404);
        assertThat(as(auditor, "GET", other, null).getStatusCode().value()).isEqualTo(200);
        problem(as(viewer, "GET", other, null), 403);
        problem(as(provider, "POST", own + "/start", null), 403);
        problem(as(auditor, "POST", own + "/cancellation", "{\"reason\":\"Auditors do not cancel\"}"), 403);
        assertThat(storedEvents()).as("nothing stored by a refused caller").isEqualTo(stored);
        JsonNode providersTable = await().atMost(PATIENCE).until(() -> body(as(provider, "GET",
                "/api/deepdives/programmes/2017", null)), t -> t.path("rows").size() > 0);
        assertThat(providersTable.get("rows").findValuesAsText("contractId")).contains(nelft).doesNotContain(sk8side);
        assertThat(providersTable.get("rows").findValuesAsText("provider")).containsOnly("NELFT");
        JsonNode viewersTable = await().atMost(PATIENCE).until(() -> body(as(viewer, "GET",
                "/api/deepdives/programmes/2017", null)), t -> t.get("rows").findValuesAsText("contractId")
                .containsAll(List.of(nelft, sk8side)));
        assertThat(viewersTable.at("/totals/deepDives").asInt()).isEqualTo(viewersTable.get("rows").size());
    }

    @Test
    void onlyAnOfficerOrAnAuditorGetsAContractsDeepDiveEvidenceNotItsProviderNorAViewer() throws Exception {
        String nelft = UUID.randomUUID().toString();
        send(Topics.CONTRACTS, registration(nelft, "NELFT"));
        String officer = issuer.accessToken(DemoUsers.OFFICER);
        await().atMost(PATIENCE).until(() -> as(officer, "GET", "/api/deepdives/contracts/" + nelft, null)
                .getStatusCode().value() == 200);
        String evidence = "/api/deepdives/contracts/" + nelft + "/evidence";

        problem(as(issuer.accessToken(DemoUsers.VIEWER), "GET", evidence, null), 403);
        problem(as(issuer.accessToken(DemoUsers.NELFT), "GET", evidence, null), 403);
        problem(get(evidence), 401);
        String auditor = issuer.accessToken(DemoUsers.AUDITOR);
        problem(as(auditor, "GET", "/api/deepdives/contracts/" + UUID.randomUUID() + "/evidence", null), 404);
        for (String token : List.of(auditor, officer)) {
            ResponseEntity<String> part = as(token, "GET", evidence, null);
            assertThat(part.getStatusCode().value()).as(part.getBody()).isEqualTo(200);
            assertThat(body(part).get("context").asText()).isEqualTo("deepdives");
        }
    }

    private static IntegrationEvent<ContractRegistered> registration(String id, String provider) {
        return IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, IntegrationEvents.REGISTERED_AT, 1,
                new ContractRegistered(id, provider, "YOUTH", new Lot("DISTRICT", List.of("South"),
                        List.of("Ashford")), new BigDecimal("120000.00"), LocalDate.of(2016, 4, 1), null));
    }

    private ResponseEntity<String> as(String token, String method, String path, String json) {
        RestClient.RequestBodySpec request = http().method(HttpMethod.valueOf(method)).uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static LocalIssuer startIssuer() {
        try {
            return LocalIssuer.start(0, Files.createTempDirectory("deepdive-issuer"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
