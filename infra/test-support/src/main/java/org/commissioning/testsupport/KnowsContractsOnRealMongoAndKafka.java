package org.commissioning.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;


/**
 * {@link KnowsContractsFromContractRegistered}'s first promise on real MongoDB (a replica set, with transactions:
 * {@code platform.mongo.transactions=true}, as deployed) and a real Kafka broker: a {@code ContractRegistered} sent
 * to the broker becomes a contract the service knows, over HTTP. Skipped where no Docker engine is available.
 * <p>
 * A service's test extends this with the prefix under which it serves the contracts it knows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.mongo.transactions=true")
@RequiredArgsConstructor(access = AccessLevel.PROTECTED)
public abstract class KnowsContractsOnRealMongoAndKafka extends RealMongoAndKafka {

    /** Containers are slower than the in-process infrastructure: the first poll of a new group waits for a rebalance. */
    protected static final Duration PATIENCE = Duration.ofSeconds(90);

    protected final String api;

    @LocalServerPort
    protected int port;

    @Test
    void makesAContractRegisteredOnRealKafkaKnownOnRealMongo() {
        String id = UUID.randomUUID().toString();
        EventSender.send(KAFKA.getBootstrapServers(), Topics.CONTRACTS, IntegrationEvents.registered(id, 1));

        await().atMost(PATIENCE).untilAsserted(() -> KnownContractResponses.assertRegisteredOnce(
                TestHttp.client(port).get().uri(api + "/" + id).retrieve().toEntity(String.class), id));
    }
}
