package org.commissioning.kpi.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.commissioning.embedded.MongoWireServer;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class ContractEventsConsumptionIT {

    static final String API = "/api/kpi/contracts";
    static final MongoWireServer MONGO = MongoWireServer.inMemoryOnFreePort().start();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO.connectionString() + "/kpi");
    }

    @LocalServerPort
    int port;
    @Value("${spring.application.name}")
    String group;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    PlatformMetrics metrics;
    @Autowired
    MongoTemplate mongo;

    final IntegrationEventCodec codec = new IntegrationEventCodec();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void makesARegisteredContractKnown() {
        String id = UUID.randomUUID().toString();
        send(registered(id, 1));

        await().atMost(PATIENCE).untilAsserted(() -> {
            ResponseEntity<String> found = get(API + "/" + id);
            assertThat(found.getStatusCode().value()).isEqualTo(200);
            JsonNode body = json.readTree(found.getBody());
            assertThat(body.get("id").asText()).isEqualTo(id);
            assertThat(body.get("provider").asText()).isEqualTo("Sk8side");
            assertThat(body.get("serviceArea").asText()).isEqualTo("YOUTH");
            assertThat(body.get("lotScope").asText()).isEqualTo("DISTRICT");
            assertThat(body.get("districts").toString()).isEqualTo("[\"Ashford\"]");
            assertThat(body.get("start").asText()).isEqualTo("2016-04-01");
            assertThat(body.get("registeredAt").asText()).isEqualTo("2018-04-03T09:15:00Z");
            assertThat(body.get("lastSequence").asLong()).isEqualTo(1);
        });
        assertThat(idsListed()).contains(id);
    }

    @Test
    void dropsARedeliveredEvent() {
        String id = UUID.randomUUID().toString();
        awaitConsumerCaughtUp();
        double consumedBefore = count("platform.events.consumed");
        double duplicatesBefore = count("platform.events.duplicates");

        IntegrationEvent<ContractRegistered> event = registered(id, 1);
        send(event);
        send(event);

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(count("platform.events.duplicates")).isEqualTo(duplicatesBefore + 1));
        awaitConsumerCaughtUp();
        assertThat(count("platform.events.consumed")).isEqualTo(consumedBefore + 1);
        assertThat(mongo.count(Query.query(Criteria.where("subject").is(id)), "consumed_events")).isEqualTo(1);
        assertThat(idsListed()).containsOnlyOnce(id);
        assertThat(get(API + "/" + id).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void reportsAGapInAContractsSequence(CapturedOutput output) {
        String id = UUID.randomUUID().toString();
        double gapsBefore = count("platform.events.gaps");

        send(registered(id, 1));
        send(registered(id, 3));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count("platform.events.gaps")).isEqualTo(gapsBefore + 1);
            assertThat(output.getOut()).containsPattern("Gap in the events of contract " + id
                    + " .* expected sequence 2 but received 3");
        });
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(json.readTree(get(API + "/" + id).getBody()).get("lastSequence").asLong()).isEqualTo(3));
    }

    @Test
    void answersUnknownAndMalformedIdsWithProblems() throws Exception {
        ResponseEntity<String> unknown = get(API + "/" + UUID.randomUUID());
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");

        ResponseEntity<String> malformed = get(API + "/not-a-uuid");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json.readTree(malformed.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("contractId");
    }

    @Test
    void exposesHealthAndPrometheusMetrics() throws Exception {
        String id = UUID.randomUUID().toString();
        send(registered(id, 1));
        await().atMost(PATIENCE).until(() -> get(API + "/" + id).getStatusCode().value() == 200);

        ResponseEntity<String> health = get("/actuator/health");
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        JsonNode status = json.readTree(health.getBody());
        assertThat(status.get("status").asText()).isEqualTo("UP");
        assertThat(status.at("/components/mongo/status").asText()).isEqualTo("UP");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/actuator/prometheus").getBody())
                .contains("platform_events_consumed_total{")
                .contains("consumer=\"" + group + ".contract-events\""));
    }

    /** A counter of this service's consumer of contract events. */
    private double count(String meter) {
        return metrics.count(meter, "consumer", group + ".contract-events");
    }

    private IntegrationEvent<ContractRegistered> registered(String id, long sequence) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), "/contract-service", id,
                Instant.parse("2018-04-03T09:15:00Z"), sequence, "officer.jones", UUID.randomUUID().toString(),
                new ContractRegistered(id, "Sk8side", "YOUTH", new Lot("DISTRICT", List.of("South"), List.of("Ashford")),
                        new BigDecimal("120000.00"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31)));
    }

    private void send(IntegrationEvent<?> event) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CONTRACTS, event.subject().getBytes(StandardCharsets.UTF_8),
                    codec.encode(event))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + event.id(), e);
        }
    }

    /** Every record on the topic has been handled and committed by the service's consumer group. */
    private void awaitConsumerCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, 3)
                    .mapToObj(p -> new TopicPartition(Topics.CONTRACTS, p))
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            await().atMost(PATIENCE).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                admin.listOffsets(latest).all().get().forEach((partition, end) -> {
                    OffsetAndMetadata done = committed.get(partition);
                    assertThat(done == null ? 0 : done.offset()).as("committed offset of %s", partition)
                            .isEqualTo(end.offset());
                });
            });
        }
    }

    private List<String> idsListed() {
        try {
            ResponseEntity<String> list = get(API);
            assertThat(list.getStatusCode().value()).isEqualTo(200);
            return json.readTree(list.getBody()).findValuesAsText("id");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> get(String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build()
                .get().uri(path).retrieve().toEntity(String.class);
    }
}
