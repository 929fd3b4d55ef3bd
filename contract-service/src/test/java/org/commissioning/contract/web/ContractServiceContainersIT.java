package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.commissioning.embedded.TopicReader;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The same path as {@link ContractRegistrationIT} against real MongoDB (a replica set, with transactions) and a
 * real Kafka broker in containers. Skipped, with the reason in the report, where no Docker engine is available;
 * the in-process broker and wire-protocol server cover the behaviour there.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.mongo.transactions=true")
class ContractServiceContainersIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("contracts"));
        registry.add("platform.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }

    @LocalServerPort
    int port;

    @Test
    void registersAContractOnRealMongoAndPublishesItOnRealKafka() throws Exception {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
        var response = http.post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"provider":"Porchlight","serviceArea":"FAMILY_SUPPORT","lot":{"scope":"AREA","names":["South","East"]},
                         "annualValueGbp":1240000.00,"start":"2016-10-01","end":"2020-09-30"}""")
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String id = new ObjectMapper().readTree(response.getBody()).get("contractId").asText();

        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.get().uri("/api/contracts/" + id).retrieve().toEntity(String.class).getStatusCode().value() == 200);
        var records = TopicReader.recordsWithKey(KAFKA.getBootstrapServers(), Topics.CONTRACTS, id, 1, Duration.ofSeconds(30));
        IntegrationEvent<?> event = new IntegrationEventCodec().decode(records.get(0).value());
        assertThat(event.type()).isEqualTo("org.commissioning.contracts.ContractRegistered.v1");
        assertThat(event.sequence()).isEqualTo(1);
    }
}
