package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.commissioning.contract.application.ExpireEndedContracts;
import org.commissioning.events.Topics;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** Contracts expire at their end date; "today" is fixed at 1 April 2019 and the test runs the scan itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "contract.clock.fixed=2019-04-01T09:00:00Z",
        "contract.expiry.enabled=true",
        "contract.expiry.scan-initial-delay=PT1H"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
class ExpireEndedContractsIT extends ServiceOnEmbeddedKafka {

    @Autowired
    ExpireEndedContracts scan;

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
        String body = """
                {"provider":"Salus","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Maidstone"]},%s}"""
                .formatted(term);
        var response = http().post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json.readTree(response.getBody()).get("contractId").asText();
    }

    private String status(String id) throws Exception {
        var response = http().get().uri("/api/contracts/" + id).retrieve().toEntity(String.class);
        return response.getStatusCode().value() == 200 ? json.readTree(response.getBody()).get("status").asText() : "";
    }
}
