package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.commissioning.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link KnowsContractsFromContractRegistered}'s first promise on real MongoDB (a replica set, with transactions:
 * {@code platform.mongo.transactions=true}, as deployed) and a real Kafka broker: a {@code ContractRegistered} sent
 * to the broker becomes a contract the service knows, over HTTP. Skipped where no Docker engine is available.
 * <p>
 * A service's test extends this with the prefix under which it serves the contracts it knows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.mongo.transactions=true")
public abstract class KnowsContractsOnRealMongoAndKafka extends RealMongoAndKafka {

    /** Containers are slower than the in-process infrastructure: the first poll of a new group waits for a rebalance. */
    protected static final Duration PATIENCE = Duration.ofSeconds(90);

    protected final String api;

    @LocalServerPort
    protected int port;

    protected KnowsContractsOnRealMongoAndKafka(String api) {
        this.api = api;
    }

    @Test
    void makesAContractRegisteredOnRealKafkaKnownOnRealMongo() {
        String id = UUID.randomUUID().toString();
        EventSender.send(KAFKA.getBootstrapServers(), Topics.CONTRACTS, IntegrationEvents.registered(id, 1));

        ObjectMapper json = new ObjectMapper();
        await().atMost(PATIENCE).untilAsserted(() -> {
            ResponseEntity<String> found = TestHttp.client(port).get().uri(api + "/" + id).retrieve().toEntity(String.class);
            assertThat(found.getStatusCode().value()).isEqualTo(200);
            JsonNode body = json.readTree(found.getBody());
            assertThat(body.get("id").asText()).isEqualTo(id);
            assertThat(body.get("provider").asText()).isEqualTo("Sk8side");
            assertThat(body.get("registeredAt").asText()).isEqualTo("2018-04-03T09:15:00Z");
            assertThat(body.get("lastSequence").asLong()).isEqualTo(1);
        });
    }
}
