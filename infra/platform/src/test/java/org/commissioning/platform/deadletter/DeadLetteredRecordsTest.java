package org.commissioning.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.commissioning.embedded.KafkaBroker;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractOfficersAssigned;
import org.commissioning.platform.InProcessMongo;
import org.commissioning.platform.deadletter.DeadLetteredRecordsTestApplication.OfficersRegister;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records a Kafka consumer dead-lettered, on a real (in-process KRaft) broker and the real Mongo driver: the binder
 * puts a record its handler fails on, or cannot decode, on {@code error.<topic>.<group>}; an operator lists it with
 * the reason over {@code /actuator/deadletteredrecords}, re-applies it once the cause is fixed (applied once however
 * often it is retried), or discards it with a reason (audited); the health component and the gauge show what is
 * outstanding.
 */
@SpringBootTest(classes = DeadLetteredRecordsTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=dlt-test", "spring.cloud.function.definition=officerEvents",
                "spring.cloud.stream.bindings.officerEvents-in-0.destination=" + Topics.CONTRACTS,
                "spring.cloud.stream.bindings.officerEvents-in-0.group=dlt-test",
                "spring.cloud.stream.bindings.officerEvents-in-0.consumer.max-attempts=1",
                "platform.consumer.dead-letter-refresh=300ms"})
class DeadLetteredRecordsTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String DEAD_LETTERS = "error." + Topics.CONTRACTS + ".dlt-test";
    static final String CONSUMER = "dlt-test.officers";

    @AutoClose
    static final KafkaBroker kafka = KafkaBroker.onFreePorts(tempDir().resolve("kafka")).start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InProcessMongo.newDatabaseUri("deadlettered"));
        registry.add("platform.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    @LocalServerPort
    int port;
    @Autowired
    OfficersRegister register;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PlatformMetrics metrics;
    @Autowired
    DeadLetteredRecordsHealthIndicator health;
    @Autowired
    EventStore eventStore;

    final ObjectMapper json = new ObjectMapper();
    final IntegrationEventCodec codec = new IntegrationEventCodec();

    @Test
    void listsARecordItsHandlerFailedOnAndAppliesItOnceAfterTheFixHoweverOftenItIsRetried() throws Exception {
        register.available = false;
        String contract = UUID.randomUUID().toString();
        IntegrationEvent<ContractOfficersAssigned> first = officersAssigned(contract, 1);
        send(contract, codec.encode(first));

        JsonNode record = await().atMost(PATIENCE).until(() -> recordOf(first.id()), Optional::isPresent).get();
        assertThat(record.get("deadLetterTopic").asText()).as("%s", record).isEqualTo(DEAD_LETTERS);
        assertThat(record.get("state").asText()).isEqualTo("OUTSTANDING");
        assertThat(record.get("consumer").asText()).isEqualTo(CONSUMER);
        assertThat(record.get("originalTopic").asText()).isEqualTo(Topics.CONTRACTS);
        assertThat(record.get("originalOffset").isIntegralNumber()).isTrue();
        assertThat(record.get("subject").asText()).isEqualTo(contract);
        assertThat(record.get("sequence").asLong()).isEqualTo(1);
        assertThat(record.get("eventType").asText()).isEqualTo(first.type());
        assertThat(record.path("reason").asText()).as("the reason, from the record's headers")
                .contains("officers' register unavailable for contract " + contract);
        assertThat(record.path("exception").asText()).isNotBlank();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(metrics.gauge("platform.deadlettered.records", "topic", DEAD_LETTERS)).isGreaterThanOrEqualTo(1);
        });

        JsonNode stillFailing = retry(record);
        assertThat(stillFailing.get("failed").asInt()).isEqualTo(1);
        assertThat(stillFailing.at("/records/0/failure").asText()).contains("officers' register unavailable");
        assertThat(stillFailing.at("/records/0/record/state").asText()).isEqualTo("OUTSTANDING");
        assertThat(register.appliedTo(contract)).isEmpty();

        register.available = true;
        JsonNode retried = retry(record);
        assertThat(retried.get("applied").asInt()).isEqualTo(1);
        assertThat(retried.at("/records/0/record/state").asText()).isEqualTo("APPLIED");
        assertThat(register.appliedTo(contract)).containsExactly(1L);

        assertThat(retry(record).at("/records/0/record/state").asText()).isEqualTo("APPLIED");
        assertThat(register.appliedTo(contract)).as("applied once however often retried").containsExactly(1L);
        send(contract, codec.encode(officersAssigned(contract, 2)));
        await().atMost(PATIENCE).until(() -> register.appliedTo(contract).size() == 2);
        assertThat(register.appliedTo(contract)).as("the stream goes on").containsExactly(1L, 2L);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(recordOf(first.id())).hasValueSatisfying(r ->
                        assertThat(r.get("state").asText()).isEqualTo("APPLIED")));
    }

    @Test
    void listsARecordThatCannotBeDecodedAsMalformedAndDiscardsItOnceWithAReasonAudited() throws Exception {
        register.available = true;
        String key = "garbage-" + UUID.randomUUID();
        send(key, "{\"not\": \"a cloud event\"".getBytes(StandardCharsets.UTF_8));
        JsonNode record = await().atMost(PATIENCE).until(() -> recordWithKey(key), Optional::isPresent).get();
        assertThat(record.get("state").asText()).isEqualTo("MALFORMED");
        assertThat(record.path("eventId").isMissingNode()).as("no event id: %s", record).isTrue();
        String path = "/actuator/deadletteredrecords/" + DEAD_LETTERS + "/" + record.get("partition").asInt() + "/"
                + record.get("offset").asLong();

        HttpResponse<String> noReason = calls().delete(path);
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(calls().delete("/actuator/deadletteredrecords/" + DEAD_LETTERS + "/0/999999?reason=x").statusCode())
                .isEqualTo(404);

        HttpResponse<String> discarded = calls().delete(path + "?reason="
                + URLEncoder.encode("not a CloudEvent: a test client's mistake", StandardCharsets.UTF_8));
        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(json.readTree(discarded.body()).get("actor").asText()).isEqualTo("system");
        assertThat(recordWithKey(key)).hasValueSatisfying(r -> {
            assertThat(r.get("state").asText()).isEqualTo("DISCARDED");
            assertThat(r.get("resolution").asText()).contains("a test client's mistake");
        });
        Document audit = mongo.findOne(Query.query(Criteria.where("sequence").is(key)), Document.class,
                DeadLetters.AUDIT_COLLECTION);
        assertThat(audit).isNotNull();
        assertThat(audit.getString("group")).isEqualTo(DEAD_LETTERS);
        assertThat(audit.getString("reason")).isEqualTo("not a CloudEvent: a test client's mistake");
        assertThat(ActuatorCalls.discardStored(eventStore, key)).as("the event store's copy").isNotNull();
        assertThat(calls().delete(path + "?reason=again").statusCode()).as("discarded once").isEqualTo(404);
        assertThat(retry(record).at("/records/0/failure").asText()).startsWith("discarded");
    }

    @Test
    void refusesARetryNamingAPartitionWithoutAnOffsetAndADiscardOfAPartitionThatIsNotANumber() throws Exception {
        HttpResponse<String> response = calls().post("/actuator/deadletteredrecords",
                "{\"topic\":\"" + DEAD_LETTERS + "\",\"partition\":\"0\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("offset");
        assertThat(calls().get("/actuator/deadletteredrecords/error.no.such.topic").statusCode()).isEqualTo(404);
        HttpResponse<String> notANumber = calls().delete("/actuator/deadletteredrecords/" + DEAD_LETTERS
                + "/first/last?reason=r");
        assertThat(notANumber.statusCode()).as(notANumber.body()).isEqualTo(400);
    }

    private IntegrationEvent<ContractOfficersAssigned> officersAssigned(String contract, long sequence) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), "/contract-service", contract, Instant.now(),
                sequence, "officer.jones", "corr-" + sequence, new ContractOfficersAssigned(contract, "Jones",
                        "Patel"));
    }

    private void send(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CONTRACTS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> records() throws Exception {
        HttpResponse<String> response = calls().get("/actuator/deadletteredrecords");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        json.readTree(response.body()).get("records").forEach(records::add);
        return records;
    }

    private Optional<JsonNode> recordOf(String eventId) throws Exception {
        return records().stream().filter(r -> eventId.equals(r.path("eventId").asText(null))).findFirst();
    }

    private Optional<JsonNode> recordWithKey(String key) throws Exception {
        return records().stream().filter(r -> key.equals(r.path("key").asText(null))).findFirst();
    }

    private JsonNode retry(JsonNode record) throws Exception {
        HttpResponse<String> response = calls().post("/actuator/deadletteredrecords", "{\"topic\":\""
                + record.get("deadLetterTopic").asText() + "\",\"partition\":\"" + record.get("partition").asInt()
                + "\",\"offset\":\"" + record.get("offset").asLong() + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }






    private static Path tempDir() {
        try {
            return Files.createTempDirectory("deadlettered-records");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ActuatorCalls calls() {
        return new ActuatorCalls(port);
    }
}
