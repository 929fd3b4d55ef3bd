package org.commissioning.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The service starts while its issuer is unreachable; a token it cannot check yet is a 503, not the caller's fault. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.security.enabled=true", "platform.security.issuer-uri=http://127.0.0.1:1"})
class IssuerUnavailableTest {

    static final TestIssuer elsewhere = new TestIssuer();

    @AfterAll
    static void stop() {
        elsewhere.close();
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answers503ProblemWhileTheIssuersKeysCannotBeFetched() throws Exception {
        HttpResponse<String> response = call(elsewhere.token("officer.jones", "COMMISSIONING_OFFICER"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new ObjectMapper().readTree(response.body()).get("type").asText()).endsWith("/service-unavailable");
    }

    @Test
    void stillAnswers401WithoutAToken() throws Exception {
        assertThat(call(null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> call(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/caller"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
