package org.commissioning.platform.redelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.embedded.KafkaBroker;
import org.commissioning.embedded.TopicReader;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.platform.v1.EventsRedeliveryRequested;
import org.commissioning.platform.InProcessMongo;
import org.commissioning.platform.causation.CausationTestApplication.WriteNote;
import org.commissioning.platform.consumer.ConsumedEventStore;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.platform.redelivery.RedeliveryTestApplication.Handled;
import org.commissioning.platform.redelivery.RedeliveryTestApplication.LosingPublisher;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Recovery of a lost event, on a real (in-process KRaft) Kafka broker and the real Mongo driver: a record the
 * consumer never receives is asked for once its successors have been held for the gap timeout, the owner publishes
 * the stream again from its event store, and the consumer applies each event once, in order. Also by hand, through
 * {@code /actuator/redelivery}.
 */
@SpringBootTest(classes = RedeliveryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=redelivery-test", "platform.source=/contract-service",
                "spring.cloud.function.definition=notes;redeliveryRequests",
                "spring.cloud.stream.bindings.notes-in-0.destination=" + Topics.CONTRACTS,
                "spring.cloud.stream.bindings.notes-in-0.group=redelivery-test",
                "platform.consumer.gap-timeout=2s", "platform.consumer.gap-check-interval=250ms"})
class GapRecoveryEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String CONSUMER = "redelivery-test.notes";

    @AutoClose
    static final KafkaBroker kafka = KafkaBroker.onFreePorts(tempDir().resolve("kafka")).start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InProcessMongo.newDatabaseUri("redelivery"));
        registry.add("platform.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    LosingPublisher publisher;
    @Autowired
    Handled handled;
    @Autowired
    ConsumedEventStore consumed;
    @Autowired
    PlatformMetrics metrics;

    final ObjectMapper json = new ObjectMapper();
    final IntegrationEventCodec codec = new IntegrationEventCodec();

    @Test
    void asksForALostEventOnceTheGapTimesOutAndAppliesItThenTheHeldOneEachOnce() {
        String contract = UUID.randomUUID().toString();
        write(contract);
        await().atMost(PATIENCE).until(() -> handled.of(contract).equals(List.of(1L)));
        double duplicatesBefore = duplicates();

        publisher.loseOnce(contract, 2);
        write(contract);
        write(contract);

        await().atMost(PATIENCE).until(() -> handled.of(contract).size() == 3);
        assertThat(handled.of(contract)).as("the lost 2, then the held 3, each once").containsExactly(1L, 2L, 3L);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(consumed.lastSequence(CONSUMER, "/contract-service", contract)).isEqualTo(3);
            assertThat(consumed.heldCount(CONSUMER)).isZero();
            assertThat(duplicates()).as("3 published again, already applied").isGreaterThan(duplicatesBefore);
        });
        assertThat(metrics.count("platform.events.gaps", "consumer", CONSUMER)).isGreaterThanOrEqualTo(1);
        assertThat(metrics.count("platform.events.recovery.requested", "consumer", CONSUMER,
                "source", "/contract-service")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.count("platform.events.redelivered", "topic", Topics.CONTRACTS)).isGreaterThanOrEqualTo(2);

        IntegrationEvent<?> request = codec.decode(TopicReader.recordsWithKey(kafka.bootstrapServers(),
                Topics.REDELIVERY, contract, 1, PATIENCE).get(0).value());
        assertThat(request.source()).isEqualTo("/contract-service");
        assertThat(request.data()).isEqualTo(
                new EventsRedeliveryRequested(Topics.CONTRACTS, contract, 2, 3L, CONSUMER));
        List<Long> published = TopicReader.recordsWithKey(kafka.bootstrapServers(), Topics.CONTRACTS, contract, 4,
                PATIENCE).stream().map(ConsumerRecord::value).map(codec::decode).map(IntegrationEvent::sequence)
                .toList();
        assertThat(published).as("1, 3, then 2 and 3 again under their own ids and sequences")
                .startsWith(1L, 3L, 2L, 3L);
    }

    @Test
    void publishesAStreamAgainWhenAnOperatorAsksAndTheConsumerDropsWhatItHas() throws Exception {
        String contract = UUID.randomUUID().toString();
        write(contract);
        write(contract);
        await().atMost(PATIENCE).until(() -> handled.of(contract).size() == 2);
        double redeliveredBefore = metrics.count("platform.events.redelivered", "topic", Topics.CONTRACTS);

        HttpResponse<String> response = post("""
                {"topic": "%s", "subject": "%s", "fromSequence": "1"}""".formatted(Topics.CONTRACTS, contract));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("published").asInt()).isEqualTo(2);
        assertThat(answer.get("parked")).isEmpty();
        assertThat(answer.get("unavailable")).isEmpty();
        assertThat(metrics.count("platform.events.redelivered", "topic", Topics.CONTRACTS) - redeliveredBefore)
                .isEqualTo(2);
        assertThat(TopicReader.recordsWithKey(kafka.bootstrapServers(), Topics.CONTRACTS, contract, 4, PATIENCE))
                .hasSize(4);
        await().atMost(PATIENCE).until(() -> metrics.count("platform.events.duplicates", "consumer", CONSUMER) >= 2);
        assertThat(handled.of(contract)).containsExactly(1L, 2L);
    }

    @Test
    void refusesAnOperatorsRequestNamingTheFieldAtFault() throws Exception {
        String contract = UUID.randomUUID().toString();
        String contracts = "\"topic\": \"" + Topics.CONTRACTS + "\", ";
        String subject = "\"subject\": \"" + contract + "\", ";
        assertRefused("{" + subject + "\"fromSequence\": \"1\"}", "topic");
        assertRefused("{\"topic\": \"" + Topics.RATINGS + "\", " + subject + "\"fromSequence\": \"1\"}", "topic");
        assertRefused("{" + contracts + "\"subject\": \" \", \"fromSequence\": \"1\"}", "subject");
        assertRefused("{" + contracts + subject + "\"fromSequence\": \"-1\"}", "fromSequence");
        assertRefused("{" + contracts + subject + "\"fromSequence\": \"two\"}", "fromSequence");
        assertRefused("{" + contracts + subject.replace(", ", "") + "}", "fromSequence");
        assertRefused("{" + contracts + subject + "\"fromSequence\": \"3\", \"toSequence\": \"2\"}", "toSequence");
        assertThat(metrics.count("platform.events.redelivered", "topic", Topics.RATINGS)).isZero();
    }

    private void assertRefused(String body, String field) throws Exception {
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/redelivery"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void write(String contract) {
        commands.sendAndWait(new WriteNote(contract, "note " + UUID.randomUUID()));
    }

    private double duplicates() {
        return metrics.count("platform.events.duplicates", "consumer", CONSUMER);
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("redelivery-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
