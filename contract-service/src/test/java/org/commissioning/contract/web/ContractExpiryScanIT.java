package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.commissioning.contract.query.ContractExpiryScan;
import org.commissioning.embedded.MongoWireServer;
import org.commissioning.events.Topics;
import org.commissioning.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Contracts expire at their end date; "today" is fixed at 1 April 2019 and the test runs the scan itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "contract.clock.fixed=2019-04-01T09:00:00Z",
        "contract.expiry.enabled=true",
        "contract.expiry.scan-initial-delay=PT1H"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
class ContractExpiryScanIT {

    static final MongoWireServer MONGO = MongoWireServer.inMemoryOnFreePort().start();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO.connectionString() + "/contracts");
    }

    @LocalServerPort
    int port;
    @Autowired
    ContractExpiryScan scan;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void expiresOnlyActiveContractsWhoseEndDateHasComeAndOnlyOnce() throws Exception {
        String ended = register("\"start\":\"2016-04-01\",\"end\":\"2019-03-31\"");
        String running = register("\"start\":\"2016-04-01\",\"end\":\"2020-03-31\"");
        String open = register("\"start\":\"2016-04-01\"");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(open).equals("ACTIVE") && status(running).equals("ACTIVE")
                && status(ended).equals("ACTIVE"));

        assertThat(scan.scan()).containsExactly(ended);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(ended).equals("EXPIRED"));
        assertThat(status(running)).isEqualTo("ACTIVE");
        assertThat(status(open)).isEqualTo("ACTIVE");
        assertThat(scan.scan()).isEmpty();
        assertThat(json.readTree(http().get().uri("/api/contracts/" + ended + "/history").retrieve().body(String.class))
                .findValuesAsText("type")).containsExactly("ContractRegistered", "ContractExpired");
    }

    private String register(String term) throws Exception {
        return new ContractsOverHttp(port).register(term);
    }

    private String status(String id) throws Exception {
        return new ContractsOverHttp(port).status(id);
    }

    private RestClient http() {
        return TestHttp.client(port);
    }
}
