package org.commissioning.contract.web;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.assertj.core.api.ThrowingConsumer;
import org.commissioning.contract.application.FlagOverdueMeetings;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * contract-service over real HTTP and the embedded broker, "today" fixed at 1 June 2018; the scheduled overdue scan
 * is held back, so a test runs it itself ({@link #scan}). Ratings arrive as rag-service publishes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "contract.clock.fixed=2018-06-01T09:00:00Z",
        "contract.monitoring.scan-initial-delay=PT1H"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = {Topics.CONTRACTS, Topics.RATINGS, Topics.DEEPDIVES})
abstract class OnFirstJune2018 extends ServiceOnEmbeddedKafka {

    static final String RAG_SERVICE = "/rag-service";

    @Autowired
    FlagOverdueMeetings scan;

    JsonNode contract(String id) throws Exception {
        return json.readTree(http().get().uri("/api/contracts/" + id).retrieve().toEntity(String.class).getBody());
    }

    /** Waits until the contract, as {@code GET /api/contracts/{id}} answers, satisfies {@code expectations}. */
    void awaitContract(String id, ThrowingConsumer<JsonNode> expectations) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expectations.accept(contract(id)));
    }

    /** An event of {@code ratings.events.v1} about a contract, as rag-service publishes it. */
    static IntegrationEvent<?> ratingEvent(String contractId, long sequence, Object data) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), RAG_SERVICE, contractId,
                Instant.parse("2018-06-01T08:00:00Z"), sequence, "officer.jones", UUID.randomUUID().toString(), data);
    }

    /** rag-service's {@code RagChanged} of a contract's overall rating, computed from the KPIs of {@code period}. */
    static IntegrationEvent<?> ragChanged(String contractId, long sequence, String from, String to, YearMonth period) {
        return ratingEvent(contractId, sequence, new RagChanged(contractId, from, to, period, "COMPUTED", null));
    }

    void sendRatings(IntegrationEvent<?>... events) {
        send(Topics.RATINGS, events);
    }

    /** Registers Salus's youth contract in Maidstone (2018-04-01 to 2021-03-31, £120,000) as an officer; its id. */
    String registerSalus() throws Exception {
        ResponseEntity<String> registered = post("/api/contracts", """
                {"provider":"Salus","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Maidstone"]},
                 "annualValueGbp":120000,"start":"2018-04-01","end":"2021-03-31"}""", "officer.jones");
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        return json.readTree(registered.getBody()).get("contractId").asText();
    }

    /** A change of the contract {@code id} at {@code path} under it, as an officer. */
    ResponseEntity<String> change(String id, HttpMethod method, String path, String body) {
        return http().method(method).uri("/api/contracts/" + id + path).header(ACTOR, "officer.jones")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    static void ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    }
}
