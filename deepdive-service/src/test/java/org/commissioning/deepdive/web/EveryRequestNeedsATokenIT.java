package org.commissioning.deepdive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

import org.commissioning.events.Topics;
import org.commissioning.identity.LocalIssuer;
import org.commissioning.platform.security.SecurityProblems;
import org.commissioning.testsupport.IntegrationEvents;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** deepdive-service with security on, against the local issuer: only health is answered without a valid token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "platform.security.enabled=true"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
class EveryRequestNeedsATokenIT extends ServiceOnEmbeddedKafka {

    @AutoClose
    static final LocalIssuer issuer = startIssuer();

    @DynamicPropertySource
    static void trustedIssuer(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
    }

    @Test
    void listsTheKnownContractsToACallerWithATokenAndRefusesOneWithout() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Topics.CONTRACTS, IntegrationEvents.registered(id, 1));

        String token = issuer.accessToken("officer.jones", "officer-secret");
        await().atMost(PATIENCE).untilAsserted(() -> {
            ResponseEntity<String> listed = http().get().uri("/api/deepdives/contracts")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toEntity(String.class);
            assertThat(listed.getStatusCode().value()).as(listed.getBody()).isEqualTo(200);
            assertThat(body(listed).findValuesAsText("id")).contains(id);
        });

        ResponseEntity<String> anonymous = get("/api/deepdives/contracts");
        assertThat(problem(anonymous, 401).get("type").asText()).endsWith("/" + SecurityProblems.UNAUTHENTICATED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(anonymous.getBody()).doesNotContain(id);
        ResponseEntity<String> forged = http().get().uri("/api/deepdives/contracts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token").retrieve().toEntity(String.class);
        problem(forged, 401);
        assertThat(get("/actuator/health").getStatusCode().value()).isEqualTo(200);
    }

    private static LocalIssuer startIssuer() {
        try {
            return LocalIssuer.start(0, Files.createTempDirectory("deepdive-issuer"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
