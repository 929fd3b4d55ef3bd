package org.commissioning.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.OwnerStub;
import org.commissioning.gateway.support.StubbedOwners;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform's HTTP edge holds at the gateway too: a body above the limit is refused before it is proxied, and
 * errors the gateway answers itself (Tomcat's, its own 404 and 405) are problems, as the owners' are.
 */
class GatewayEdgeIT extends GatewayITSupport {

    static final int MAX_BODY = 64 * 1024;
    @RegisterExtension
    static final StubbedOwners OWNERS = StubbedOwners.contractAndOthers();
    static final OwnerStub CONTRACT = OWNERS.contract();

    @DynamicPropertySource
    static void owners(DynamicPropertyRegistry registry) {
        OWNERS.register(registry);
    }

    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void refusesABodyAboveTheLimitWithoutProxyingIt() throws Exception {
        int before = CONTRACT.received().size();

        HttpResponse<String> response = post("/api/contracts", BodyPublishers.ofString(registrationOfSize(MAX_BODY + 1)));

        assertThat(problem(response, 413).get("limit").asLong()).isEqualTo(MAX_BODY);
        assertThat(response.headers().allValues("X-Correlation-Id")).hasSize(1);
        assertThat(CONTRACT.received()).hasSize(before);
    }

    @Test
    void refusesAChunkedBodyWhenItPassesTheLimit() throws Exception {
        int before = CONTRACT.received().size();

        HttpResponse<String> response = post("/api/contracts", chunked(registrationOfSize(4 * MAX_BODY)));

        problem(response, 413);
        assertThat(CONTRACT.received()).as("the owner got no whole request").hasSize(before);
    }

    @Test
    void proxiesABodyAtTheLimitUnchanged() throws Exception {
        String body = registrationOfSize(MAX_BODY);

        HttpResponse<String> response = post("/api/contracts", chunked(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(CONTRACT.last("/api/contracts").body()).isEqualTo(body);
    }

    /** An encoded slash, backslash or NUL in the path, and an oversized query string. */
    static Stream<String> malformedTargets() {
        return Stream.of("/api/contracts/a%2Fb", "/api/contracts/a%5Cb", "/api/contracts/a%00b",
                "/api/contracts?provider=" + "x".repeat(20_000));
    }

    @ParameterizedTest
    @MethodSource("malformedTargets")
    void answersAMalformedTargetWithAProblemWithoutProxyingIt(String target) throws Exception {
        int before = CONTRACT.received().size();

        problem(getAsSent(target), 400);

        assertThat(CONTRACT.received()).hasSize(before);
    }

    @Test
    void answersAnUnknownPathAndAWrongMethodWithAProblem() throws Exception {
        problem(getAsSent("/api/contractsx"), 404);
        HttpResponse<String> wrongMethod = client.send(HttpRequest.newBuilder(uri("/api/dashboard/contracts"))
                .method("DELETE", BodyPublishers.noBody()).build(), BodyHandlers.ofString());
        problem(wrongMethod, 405);
    }

    private String registrationOfSize(int size) {
        String body = """
                {"provider":"","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["Ashford"]},\
                "annualValueGbp":120000,"start":"2018-04-01","end":"2021-03-31"}""";
        return body.replace("\"provider\":\"\"", "\"provider\":\"" + "p".repeat(size - body.length()) + "\"");
    }

    /** A problem as the services answer it ({@link #problem(ResponseEntity, int)}), and one of the platform's. */
    private JsonNode problem(HttpResponse<String> response, int status) throws IOException {
        JsonNode problem = problem(ResponseEntity.status(response.statusCode())
                .headers(headers -> response.headers().map().forEach(headers::addAll)).body(response.body()), status);
        assertThat(problem.get("type").asText()).as(response.body()).startsWith(ProblemDetailsAdvice.TYPE_BASE);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    private static BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private HttpResponse<String> post(String path, BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(body).build(),
                BodyHandlers.ofString());
    }

    /** A GET of {@code path} exactly as written (RestClient would encode it). */
    private HttpResponse<String> getAsSent(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
