package org.commissioning.contract.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commissioning.embedded.TopicReader;
import org.commissioning.events.Topics;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.commissioning.testsupport.RestartableKafka;
import org.commissioning.testsupport.ServiceOverHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * contract-service over HTTP for the relay's tests, on a broker of their own which a test may stop and start
 * again: it is stopped after each test class and started again before the next.
 */
abstract class RelayITs extends ServiceOverHttp {

    @RegisterExtension
    static final RestartableKafka KAFKA = new RestartableKafka("relay");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        KAFKA.register(registry);
    }

    @BeforeAll
    static void brokerUp() {
        KAFKA.start();
    }

    @Autowired
    PlatformMetrics metrics;

    /** Registers a youth contract of {@code provider} in {@code district}; its id. */
    String register(String provider, String district) throws JsonProcessingException {
        ResponseEntity<String> response = post("/api/contracts", """
                {"provider":"%s","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["%s"]}}"""
                .formatted(provider, district), null);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        return body(response).get("contractId").asText();
    }

    /** The contract's records on {@code contracts.events.v1}, once at least {@code atLeast} are there. */
    static List<ConsumerRecord<byte[], byte[]>> onTopic(String contractId, int atLeast, Duration patience) {
        return TopicReader.recordsWithKey(KAFKA.bootstrapServers(), Topics.CONTRACTS, contractId, atLeast, patience);
    }
}
