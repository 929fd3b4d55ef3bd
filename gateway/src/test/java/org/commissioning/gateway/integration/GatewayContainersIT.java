package org.commissioning.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.DashboardRows;
import org.commissioning.testsupport.EventSender;
import org.commissioning.testsupport.RealMongoAndKafka;
import org.commissioning.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link DashboardIT}'s first case against real MongoDB (a replica set) and a real Kafka broker in containers:
 * a ContractRegistered on the broker shows on the dashboard. Skipped, with the reason in the report, where no
 * Docker engine is available.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayContainersIT extends RealMongoAndKafka {

    /** Longer than on in-process infrastructure: a new consumer group on a real broker waits for a rebalance. */
    static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Test
    void showsAContractRegisteredOnRealKafkaOnTheDashboard() {
        String id = UUID.randomUUID().toString();
        IntegrationEvent<ContractRegistered> event = ContractEvents.registered(id, "Porchlight", "FAMILY_SUPPORT",
                ContractEvents.district("East", "Thanet"), new BigDecimal("1240000.00"));

        EventSender.send(KAFKA.getBootstrapServers(), Topics.CONTRACTS, event);

        JsonNode row = new DashboardRows(TestHttp.client(port)).awaitRow(id, WAIT);
        assertThat(row.get("provider").asText()).isEqualTo("Porchlight");
        assertThat(row.get("serviceArea").asText()).isEqualTo("FAMILY_SUPPORT");
        assertThat(row.get("districts").toString()).isEqualTo("[\"Thanet\"]");
        assertThat(row.get("annualValueGbp").decimalValue()).isEqualByComparingTo("1240000.00");
        assertThat(row.get("lastEventId").asText()).isEqualTo(event.id());
    }
}
