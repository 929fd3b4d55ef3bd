package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service's OpenAPI description as integrators read it, over real HTTP from the running service: every endpoint
 * it maps is documented, every operation has its problem responses, and the bearer scheme is declared. A service's
 * test class implements this on a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} context it already has;
 * the endpoints are read from the application's own request mappings, so an endpoint added later is checked
 * without a change here. The document read is kept in {@code target/openapi/<application>.json}.
 */
public interface DocumentedApiContract {

    /** The service's OpenAPI document, as {@code GET /v3/api-docs} answers it. */
    static JsonNode apiDocs(ApplicationContext context) throws Exception {
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        ResponseEntity<String> response = TestHttp.client(port).get().uri("/v3/api-docs").retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return new ObjectMapper().readTree(response.getBody());
    }

    @Test
    default void documentsEveryEndpointItMaps(@Autowired ApplicationContext context) throws Exception {
        Set<OpenApiCoverage.Endpoint> mapped = OpenApiCoverage.mapped(
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));

        JsonNode document = apiDocs(context);
        Path copy = Path.of("target", "openapi", context.getEnvironment().getProperty("spring.application.name",
                "service") + ".json");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, document.toPrettyString());

        assertThat(mapped).as("the service's endpoints").isNotEmpty();
        assertThat(OpenApiCoverage.undocumented(mapped, document))
                .as("endpoints missing from /v3/api-docs (documented: %s)", OpenApiCoverage.documented(document))
                .isEmpty();
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("paths").has("/error")).as("the error page is no endpoint").isFalse();
    }

    @Test
    default void givesEveryOperationItsProblemResponses(@Autowired ApplicationContext context) throws Exception {
        JsonNode document = apiDocs(context);

        assertThat(OpenApiCoverage.missingProblemResponses(document)).as("operations without their problems")
                .isEmpty();
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("errors"))
                .isTrue();
    }

    @Test
    default void requiresTheIssuersBearerTokenOnEveryOperation(@Autowired ApplicationContext context)
            throws Exception {
        JsonNode document = apiDocs(context);

        JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(document.path("security").findValues("bearer")).as("the global security requirement").hasSize(1);
    }
}
