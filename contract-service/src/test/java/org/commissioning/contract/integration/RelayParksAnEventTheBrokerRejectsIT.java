package org.commissioning.contract.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commissioning.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The producer accepts records of at most 2000 bytes here. A formal warning with long (permitted) reasons makes an
 * event the broker can never accept: the relay parks it and holds that contract's later events behind it, while
 * another contract's events keep reaching the topic; the service reports a DEGRADED {@code relay} component and
 * still answers 200. The producer's limit cannot be raised while the service runs, so the retry here still fails;
 * OutboxRelayParkingTest (platform) shows a retry after the fix.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.relay.backoff=200ms", "platform.relay.attempts=2",
                "spring.cloud.stream.kafka.binder.producer-properties.max.request.size=2000"})
class RelayParksAnEventTheBrokerRejectsIT extends RelayITs {

    @Test
    void parksAnEventTooLargeForTheBrokerAndHoldsOnlyItsOwnContract() throws Exception {
        String held = register("Long Warnings Ltd", "Dover");
        String flowing = register("Short Notes Trust", "Thanet");
        assertThat(onTopic(held, 1)).hasSize(1);
        assertThat(onTopic(flowing, 1)).hasSize(1);

        String longReason = "The provider did not return the quarterly monitoring data. ".repeat(15);
        ResponseEntity<String> warning = http().post().uri("/api/contracts/{id}/warnings", held)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("reasons", List.of(longReason, longReason, longReason),
                        "responseDeadline", LocalDate.now().plusDays(28).toString())))
                .retrieve().toEntity(String.class);
        assertThat(warning.getStatusCode().value()).as(warning.getBody()).isEqualTo(200);
        assertThat(assignOfficers(held).getStatusCode().value()).isEqualTo(200);
        assertThat(assignOfficers(flowing).getStatusCode().value()).isEqualTo(200);

        List<ConsumerRecord<byte[], byte[]>> other = onTopic(flowing, 2);
        assertThat(other).as("another contract's next event is published").hasSize(2);
        assertThat(codec.decode(other.get(1).value()).type()).endsWith("ContractOfficersAssigned.v1");
        assertThat(onTopic(held, 1)).as("the parked warning and the officers held behind it are not sent")
                .hasSize(1);

        JsonNode parked = json.readTree(http().get().uri("/actuator/relay").retrieve().body(String.class));
        assertThat(parked.get("parked").asInt()).isEqualTo(2);
        assertThat(parked.get("streams")).extracting(JsonNode::asText)
                .containsExactly(Topics.CONTRACTS + "|" + held);
        JsonNode rejected = parked.get("events").get(0);
        assertThat(rejected.get("type").asText()).endsWith("ContractWarningIssued.v1");
        assertThat(rejected.get("sequence").asLong()).isEqualTo(2);
        assertThat(rejected.get("reason").asText()).contains("RecordTooLargeException");
        assertThat(rejected.get("attempts").asInt()).isEqualTo(1);
        assertThat(rejected.get("parkedAt").asText()).isNotBlank();
        assertThat(parked.get("events").get(1).get("held").asBoolean()).isTrue();
        assertThat(metrics.gauge("platform.relay.parked", "topic", Topics.CONTRACTS)).isEqualTo(2);
        assertThat(http().get().uri("/actuator/prometheus").retrieve().body(String.class))
                .containsPattern("platform_relay_parked\\{[^}]*topic=\"contracts.events.v1\"[^}]*} 2.0")
                .containsPattern("platform_relay_parked_events_total\\{[^}]*topic=\"contracts.events.v1\"[^}]*} 2.0");

        ResponseEntity<String> health = http().get().uri("/actuator/health").retrieve().toEntity(String.class);
        assertThat(health.getStatusCode().value()).as("degraded, still serving").isEqualTo(200);
        JsonNode status = json.readTree(health.getBody());
        assertThat(status.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(status.at("/components/relay/status").asText()).isEqualTo("DEGRADED");
        assertThat(status.at("/components/relay/details/parked").asInt()).isEqualTo(2);
        assertThat(status.at("/components/relay/details/oldestReason").asText()).contains("RecordTooLargeException");
        ResponseEntity<String> readiness = http().get().uri("/actuator/health/readiness").retrieve()
                .toEntity(String.class);
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(readiness.getBody()).get("status").asText()).isEqualTo("UP");

        ResponseEntity<String> retried = http().post().uri("/actuator/relay")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toEntity(String.class);
        assertThat(retried.getStatusCode().value()).isEqualTo(200);
        JsonNode result = json.readTree(retried.getBody());
        assertThat(result.get("stillParked").asInt()).isEqualTo(2);
        assertThat(result.at("/streams/0/failure").asText()).contains("RecordTooLargeException");
        JsonNode afterRetry = json.readTree(http().get().uri("/actuator/relay").retrieve().body(String.class));
        assertThat(afterRetry.at("/events/0/attempts").asInt()).isEqualTo(2);
        assertThat(afterRetry.at("/events/0/sequence").asLong()).as("keeps its sequence").isEqualTo(2);

        JsonNode oneStream = json.readTree(http().post().uri("/actuator/relay").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("stream", Topics.CONTRACTS + "|" + held)))
                .retrieve().body(String.class));
        assertThat(oneStream.get("streams")).singleElement()
                .satisfies(s -> assertThat(s.get("stream").asText()).isEqualTo(Topics.CONTRACTS + "|" + held));
        assertThat(json.readTree(http().get().uri("/actuator/relay").retrieve().body(String.class))
                .at("/events/0/attempts").asInt()).isEqualTo(3);
        assertThat(onTopic(held, 1)).as("nothing of the held contract was sent by the retries").hasSize(1);
    }

    private static List<ConsumerRecord<byte[], byte[]>> onTopic(String contractId, int atLeast) {
        return onTopic(contractId, atLeast, Duration.ofSeconds(30));
    }

    private ResponseEntity<String> assignOfficers(String contractId) {
        return http().put().uri("/api/contracts/{id}/officers", contractId).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"leadOfficer":"Alex Officer","contractManager":"Sam Manager"}""")
                .retrieve().toEntity(String.class);
    }
}
