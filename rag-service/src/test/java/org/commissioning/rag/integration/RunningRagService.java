package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.kpi.v1.Band;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.commissioning.testsupport.TestHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * rag-service as it runs: embedded KRaft broker, the shared in-process Mongo server (a database of this context's
 * own), the platform's idempotent consumer and outbox relay. The ITs that extend it share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3, topics = {Topics.CONTRACTS, Topics.KPI, Topics.RATINGS, Topics.DEEPDIVES})
abstract class RunningRagService extends ServiceOnEmbeddedKafka {

    static final YearMonth APRIL = YearMonth.of(2018, 4);
    static final String TRIAGE = "CALLS-TRIAGED-24H";
    /** Source 004's triage bands made unambiguous: Red [0,85), Amber [85,90), Green [90,95], Stretch (95,100]. */
    static final List<Band> TRIAGE_BANDS = List.of(
            new Band("RED", new BigDecimal("0"), true, new BigDecimal("85"), false),
            new Band("AMBER", new BigDecimal("85"), true, new BigDecimal("90"), false),
            new Band("GREEN", new BigDecimal("90"), true, new BigDecimal("95"), true),
            new Band("STRETCH", new BigDecimal("95"), false, new BigDecimal("100"), true));

    /** The contract's events on ratings.events.v1, in order, once at least {@code atLeast} have arrived. */
    List<IntegrationEvent<?>> published(String contractId, int atLeast) {
        return published(Topics.RATINGS, contractId, atLeast);
    }

    /** The contract's rating history, as of {@code asOf} (now for null), asserting a 200. */
    JsonNode ratings(String id, Instant asOf) throws Exception {
        ResponseEntity<String> response = TestHttp.client(port).get()
                .uri("/api/ratings/contracts/" + id + "/ratings" + (asOf == null ? "" : "?asOf=" + asOf))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    static IntegrationEvent<?> kpiEvent(String id, long sequence, Object data) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), Context.KPI.source(), id,
                Instant.parse("2018-05-09T16:05:00Z"), sequence, "nelft.performance", UUID.randomUUID().toString(),
                data);
    }
}
