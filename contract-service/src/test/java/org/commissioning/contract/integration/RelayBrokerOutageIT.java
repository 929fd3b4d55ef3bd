package org.commissioning.contract.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commissioning.embedded.KafkaBroker;
import org.commissioning.embedded.MongoWireServer;
import org.commissioning.embedded.TopicReader;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.platform.consumer.ConsumedEventStore;
import org.commissioning.platform.consumer.IdempotentConsumer;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.platform.relay.OutboxLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The broker goes away, a contract is registered, the broker comes back: the event is published once the
 * broker is back, and a downstream idempotent consumer handles it exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.relay.backoff=200ms", "platform.relay.attempts=2"})
class RelayBrokerOutageIT {

    static final KafkaBroker KAFKA = KafkaBroker.onFreePorts(tempDir().resolve("kafka")).start();
    static final MongoWireServer MONGO = MongoWireServer.inMemoryOnFreePort().start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("platform.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> MONGO.connectionString() + "/contracts");
    }

    @AfterAll
    static void stopBroker() {
        KAFKA.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    OutboxLedger ledger;
    @Autowired
    PlatformMetrics metrics;
    @Autowired
    MongoTemplate mongo;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void publishesAnEventStoredWhileTheBrokerWasDownExactlyOnceDownstream() throws Exception {
        String warmUp = register("Canterbury Academy", "Canterbury");
        assertThat(TopicReader.recordsWithKey(KAFKA.bootstrapServers(), Topics.CONTRACTS, warmUp, 1,
                Duration.ofSeconds(30))).hasSize(1);

        KAFKA.stop();
        String id = register("Sk8side", "Ashford");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ledger.unpublished()).isEqualTo(1);
            assertThat(metrics.count("platform.relay.failures")).isPositive();
        });

        KAFKA.start();

        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.recordsWithKey(
                KAFKA.bootstrapServers(), Topics.CONTRACTS, id, 1, Duration.ofSeconds(120));
        assertThat(records).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.unpublished() == 0);

        AtomicInteger handled = new AtomicInteger();
        IntegrationEventCodec codec = new IntegrationEventCodec();
        IdempotentConsumer downstream = new IdempotentConsumer("downstream-test", new ConsumedEventStore(mongo), codec,
                metrics, IntegrationEventHandlers.builder()
                .on(ContractRegistered.class, (event, data) -> handled.incrementAndGet())
                .build());
        records.forEach(r -> downstream.accept(codec.decode(r.value())));
        records.forEach(r -> downstream.accept(codec.decode(r.value())));

        assertThat(handled).hasValue(1);
        assertThat(codec.decode(records.get(0).value()).sequence()).isEqualTo(1);
    }

    private String register(String provider, String district) throws IOException {
        var response = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build()
                .post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"provider":"%s","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["%s"]}}"""
                        .formatted(provider, district))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        return json.readTree(response.getBody()).get("contractId").asText();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("relay-outage");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
