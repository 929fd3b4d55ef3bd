package org.commissioning.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.commissioning.embedded.KafkaBroker;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.OwnerStub;
import org.commissioning.gateway.support.OwnerStub.Received;
import org.commissioning.gateway.support.StubbedOwners;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.NestedTestConfiguration.EnclosingConfiguration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;

/** The gateway in front of four real HTTP servers standing in for the services that own each API. */
class RoutingIT extends GatewayITSupport {

    @RegisterExtension
    static final StubbedOwners OWNERS = StubbedOwners.oneEach();
    static final OwnerStub CONTRACT = OWNERS.contract();
    static final OwnerStub KPI = OWNERS.kpi();
    static final OwnerStub RAG = OWNERS.rag();
    static final OwnerStub DEEPDIVE = OWNERS.deepdive();

    @DynamicPropertySource
    static void owners(DynamicPropertyRegistry registry) {
        OWNERS.register(registry);
    }


    @Test
    void passesARegistrationThroughBothWaysUnchanged() throws Exception {
        String body = """
                {"provider":"Sk8side","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Ashford"]},\
                "annualValueGbp":120000.00,"start":"2016-04-01","end":"2019-03-31"}""";

        ResponseEntity<String> response = http().post().uri("/api/contracts")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Actor", "officer.jones")
                .header("X-Correlation-Id", "corr-123")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody()).isEqualTo(OwnerStub.CREATED_BODY);
        assertThat(response.getHeaders().get("Location")).containsExactly(OwnerStub.CREATED_LOCATION);
        assertThat(response.getHeaders().get("Content-Type")).containsExactly("application/json");
        assertThat(response.getHeaders().get("X-Correlation-Id")).containsExactly("corr-123");

        Received received = CONTRACT.last("/api/contracts");
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.header("X-Actor")).isEqualTo("officer.jones");
        assertThat(received.header("X-Correlation-Id")).isEqualTo("corr-123");
    }

    @Test
    void passesAnOwnersProblemThroughAsItIs() {
        ResponseEntity<String> response = http().get().uri("/api/contracts/invalid")
                .header("X-Correlation-Id", "corr-problem")
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().get("Content-Type")).containsExactly("application/problem+json");
        assertThat(response.getBody()).isEqualTo(OwnerStub.PROBLEM_BODY);
        assertThat(response.getHeaders().get("X-Correlation-Id")).containsExactly("corr-problem");
    }

    @Test
    void givesTheOwnerTheGatewaysCorrelationIdWhenTheClientSentNone() {
        ResponseEntity<String> response = http().get().uri("/api/kpi/contracts/no-correlation")
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().get("X-Correlation-Id")).hasSize(1);
        String correlation = response.getHeaders().getFirst("X-Correlation-Id");
        assertThat(KPI.last("/api/kpi/contracts/no-correlation").header("X-Correlation-Id")).isEqualTo(correlation);
    }

    @Test
    void sendsEachPrefixToTheServiceThatOwnsIt() throws Exception {
        Map<String, OwnerStub> owners = Map.of(
                "/api/contracts/2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10", CONTRACT,
                "/api/kpi/contracts/2f0c5a4e/returns", KPI,
                "/api/ratings/contracts/2f0c5a4e", RAG,
                "/api/deepdives/programme", DEEPDIVE);

        for (var entry : owners.entrySet()) {
            String path = entry.getKey();
            OwnerStub owner = entry.getValue();
            ResponseEntity<String> response = http().get().uri(path + "?period=2018-05&district=Tonbridge and Malling")
                    .header("X-Actor", "head.of.service")
                    .retrieve().toEntity(String.class);

            assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
            JsonNode answer = json.readTree(response.getBody());
            assertThat(answer.get("owner").asText()).as(path).isEqualTo(owner.name());
            assertThat(answer.get("path").asText()).as(path).isEqualTo(path);
            Received received = owner.last(path);
            assertThat(received.rawQuery()).as(path).isEqualTo("period=2018-05&district=Tonbridge%20and%20Malling");
            assertThat(received.header("X-Actor")).as(path).isEqualTo("head.of.service");
        }
        assertThat(ok("/api/kpi/x").get("owner").asText()).isEqualTo("kpi-service");
        assertThat(ok("/api/ratings/x").get("owner").asText()).isEqualTo("rag-service");
        assertThat(ok("/api/deepdives/x").get("owner").asText()).isEqualTo("deepdive-service");
        assertThat(ok("/api/contracts").get("owner").asText()).isEqualTo("contract-service");
    }

    @Test
    void routesNothingElseAndLeavesTheDashboardToTheGateway() {
        int before = CONTRACT.received().size() + KPI.received().size() + RAG.received().size() + DEEPDIVE.received().size();

        assertThat(http().get().uri("/api/dashboard/contracts").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> unknown = http().get().uri("/api/contractsx").retrieve().toEntity(String.class);
        assertThat(unknown.getStatusCode().value()).as(unknown.getBody()).isEqualTo(404);

        String forgedId = UUID.randomUUID().toString();
        byte[] forged = new IntegrationEventCodec().encode(ContractEvents.registered(forgedId, "Forged", "YOUTH",
                ContractEvents.district("East", "Thanet"), null));
        ResponseEntity<String> function = http().post().uri("/contractEvents")
                .contentType(MediaType.APPLICATION_JSON).body(forged).retrieve().toEntity(String.class);
        assertThat(function.getStatusCode().value()).as("message consumers are not reachable over HTTP")
                .isIn(404, 405);
        assertThat(http().get().uri("/api/dashboard/contracts").retrieve().body(String.class)).doesNotContain(forgedId);

        int after = CONTRACT.received().size() + KPI.received().size() + RAG.received().size() + DEEPDIVE.received().size();
        assertThat(after).isEqualTo(before);
    }

    private JsonNode ok(String path) throws JsonProcessingException {
        ResponseEntity<String> response = get(path);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return body(response);
    }

    /**
     * An owner that is down (its URL points at a port nothing listens on) and one that hangs (it accepts the
     * connection and never answers). A context of its own, so that the other owners stay reachable above.
     */
    @Nested
    @NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
    class WhenAnOwnerIsDown extends GatewayITSupport {

        static final int CLOSED_PORT = KafkaBroker.freePort();
        static final ServerSocket SILENT = silentServer();

        @DynamicPropertySource
        static void owners(DynamicPropertyRegistry registry) {
            registry.add("services.rag.url", () -> "http://127.0.0.1:" + CLOSED_PORT);
            registry.add("services.deepdive.url", () -> "http://127.0.0.1:" + SILENT.getLocalPort());
            registry.add("spring.http.client.read-timeout", () -> "1s");
        }

        @AfterAll
        static void closeSilentOwner() throws IOException {
            SILENT.close();
        }

        /** Listens, so connections are established by the kernel, but never accepts or answers one. */
        static ServerSocket silentServer() {
            try {
                return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Test
        void answersServiceUnavailableAsAProblemNamingTheService() throws Exception {
            ResponseEntity<String> response = http().get().uri("/api/ratings/contracts/2f0c5a4e")
                    .header("X-Correlation-Id", "corr-down")
                    .retrieve().toEntity(String.class);

            assertThat(response.getStatusCode().value()).isEqualTo(503);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(response.getHeaders().get("X-Correlation-Id")).containsExactly("corr-down");
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.get("service").asText()).isEqualTo("rag-service");
            assertThat(problem.get("detail").asText()).contains("rag-service");
            assertThat(problem.get("type").asText()).endsWith("/service-unavailable");
        }

        @Test
        void answersGatewayTimeoutAsAProblemWhenAnOwnerDoesNotAnswerInTime() throws Exception {
            ResponseEntity<String> response = http().get().uri("/api/deepdives/programme")
                    .retrieve().toEntity(String.class);

            assertThat(response.getStatusCode().value()).isEqualTo(504);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.get("service").asText()).isEqualTo("deepdive-service");
            assertThat(problem.get("type").asText()).endsWith("/service-timeout");
        }

        @Test
        void keepsServingWhatItOwnsItself() {
            assertThat(http().get().uri("/api/dashboard/summary").retrieve().toEntity(String.class)
                    .getStatusCode().value()).isEqualTo(200);
        }
    }
}
