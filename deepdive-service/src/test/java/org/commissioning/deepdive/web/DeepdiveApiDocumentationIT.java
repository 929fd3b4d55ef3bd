package org.commissioning.deepdive.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.commissioning.events.Topics;
import org.commissioning.identity.LocalIssuer;
import org.commissioning.testsupport.DocumentedApiContract;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * deepdive-service's OpenAPI description, with security on as it runs: every endpoint it maps is documented with its
 * problems and the bearer scheme ({@link DocumentedApiContract}, which reads it without a token), and the Swagger UI
 * is answered without a token too, while the API itself is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "platform.security.enabled=true"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
class DeepdiveApiDocumentationIT extends ServiceOnEmbeddedKafka implements DocumentedApiContract {

    @AutoClose
    static final LocalIssuer issuer = LocalIssuer.startInTemporaryDirectory("deepdive-docs-issuer");

    @DynamicPropertySource
    static void trustedIssuer(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
    }

    @Test
    void servesTheSwaggerUiAndTheYamlDescriptionWithoutATokenButNotTheApi() {
        ResponseEntity<String> ui = get("/swagger-ui/index.html");

        assertThat(ui.getStatusCode().value()).isEqualTo(200);
        assertThat(ui.getBody()).contains("swagger-ui");
        assertThat(get("/v3/api-docs.yaml").getBody()).startsWith("openapi: 3.");
        assertThat(get("/api/deepdives/contracts").getStatusCode().value()).isEqualTo(401);
    }
}
