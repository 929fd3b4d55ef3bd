package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.commissioning.events.Topics;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * contract-service over real HTTP and the embedded broker, "today" fixed at 1 April 2019; both scheduled scans
 * wait an hour, so a test runs them itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "contract.clock.fixed=2019-04-01T09:00:00Z",
        "contract.monitoring.scan-initial-delay=PT1H",
        "contract.expiry.enabled=true",
        "contract.expiry.scan-initial-delay=PT1H"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
abstract class OnFirstApril2019 extends ServiceOnEmbeddedKafka {

    /** Registers a youth contract in Maidstone with {@code term} (JSON members) and returns its id. */
    String register(String term) throws JsonProcessingException {
        var response = post("/api/contracts", """
                {"provider":"Salus","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Maidstone"]},%s}"""
                .formatted(term), null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return body(response).get("contractId").asText();
    }

    /** The contract's status, or "" while it is not found. */
    String status(String id) throws JsonProcessingException {
        var response = get("/api/contracts/" + id);
        return response.getStatusCode().value() == 200 ? body(response).get("status").asText() : "";
    }

    /** The types of the contract's history, in order. */
    List<String> historyTypes(String id) throws JsonProcessingException {
        return body(get("/api/contracts/" + id + "/history")).findValuesAsText("type");
    }
}
