package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commissioning.embedded.TopicReader;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.fasterxml.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
class ContractRegistrationIT extends ServiceOnEmbeddedKafka {

    @Test
    void registersAContractAndPublishesContractRegisteredKeyedByContractId() throws Exception {
        var response = http().post().uri("/api/contracts")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Actor", "officer.jones")
                .header("X-Correlation-Id", "corr-123")
                .body("""
                        {"provider":"Sk8side","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Ashford"]},
                         "annualValueGbp":100000.00,"start":"2016-04-01","end":"2019-03-31"}""")
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String id = json.readTree(response.getBody()).get("contractId").asText();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/contracts/" + id);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var found = http().get().uri("/api/contracts/" + id).retrieve().toEntity(String.class);
            assertThat(found.getStatusCode().value()).isEqualTo(200);
            JsonNode body = json.readTree(found.getBody());
            assertThat(body.get("provider").asText()).isEqualTo("Sk8side");
            assertThat(body.get("areas").toString()).isEqualTo("[\"South\"]");
        });

        List<ConsumerRecord<byte[], byte[]>> records = recordsFor(id, 1);
        ConsumerRecord<byte[], byte[]> record = records.get(0);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(id);
        IntegrationEvent<?> event = codec.decode(record.value());
        assertThat(event.type()).isEqualTo("org.commissioning.contracts.ContractRegistered.v1");
        assertThat(event.source()).isEqualTo("/contract-service");
        assertThat(event.subject()).isEqualTo(id);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.actor()).isEqualTo("officer.jones");
        assertThat(event.correlationid()).isEqualTo("corr-123");
        ContractRegistered data = (ContractRegistered) event.data();
        assertThat(data.lot().districts()).containsExactly("Ashford");
        assertThat(data.lot().areas()).containsExactly("South");
        assertThat(data.serviceArea()).isEqualTo("YOUTH");
    }

    @Test
    void refusesAnEndBeforeTheStartNamingTheFieldAndStoresNothing() throws Exception {
        long storedBefore = mongo.getCollection("domainevents").countDocuments();
        var response = http().post().uri("/api/contracts")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"provider":"Salus","serviceArea":"FAMILY_SUPPORT","lot":{"scope":"AREA","names":["North","West"]},
                         "start":"2020-09-30","end":"2016-10-01"}""")
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("rule").asText()).isEqualTo("end-after-start");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("end");
        assertThat(mongo.getCollection("domainevents").countDocuments()).isEqualTo(storedBefore);
    }

    @Test
    void refusesMissingAndMalformedFieldsNamingEachOne() throws Exception {
        var missing = http().post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"serviceArea":"YOUTH","lot":{"names":["Ashford"]},"annualValueGbp":-5}""")
                .retrieve().toEntity(String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json.readTree(missing.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("provider", "lot.scope", "annualValueGbp");

        var badEnum = http().post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"provider":"X","serviceArea":"KNITTING","lot":{"scope":"COUNTY"}}""")
                .retrieve().toEntity(String.class);
        assertThat(badEnum.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = json.readTree(badEnum.getBody());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("serviceArea");
        assertThat(problem.get("detail").asText()).contains("KNITTING").contains("YOUTH");

        var unknownDistrict = http().post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"provider":"X","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Atlantis"]}}""")
                .retrieve().toEntity(String.class);
        assertThat(unknownDistrict.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(unknownDistrict.getBody()).get("rule").asText()).isEqualTo("unknown-district");
    }

    @Test
    void refusesRegisteringTheSameContractIdTwiceWithConflict() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = """
                {"contractId":"%s","provider":"Imago","serviceArea":"YOUNG_CARERS","lot":{"scope":"COUNTY"}}""".formatted(id);
        var first = http().post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
        var second = http().post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(second.getBody()).get("currentState").asText()).isEqualTo("REGISTERED");
        assertThat(recordsFor(id, 1)).hasSize(1);
    }

    @Test
    void answersAnUnknownContractWithNotFound() throws Exception {
        var response = http().get().uri("/api/contracts/" + UUID.randomUUID()).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");

        var badId = http().get().uri("/api/contracts/not-a-uuid").retrieve().toEntity(String.class);
        assertThat(badId.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(badId.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("contractId");
    }

    private List<ConsumerRecord<byte[], byte[]>> recordsFor(String contractId, int expected) {
        return TopicReader.recordsWithKey(kafka.getBrokersAsString(), Topics.CONTRACTS, contractId, expected,
                Duration.ofSeconds(20));
    }
}
