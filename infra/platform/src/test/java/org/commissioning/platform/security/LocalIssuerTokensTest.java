package org.commissioning.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.commissioning.identity.LocalIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The platform's resource server against the local issuer (infra/identity) as the embedded stack will run them. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.security.enabled=true")
class LocalIssuerTokensTest {

    static final LocalIssuer issuer = startIssuer();

    static LocalIssuer startIssuer() {
        try {
            return LocalIssuer.start(0, Files.createTempDirectory("local-issuer"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "officer.jones,    officer-secret,  COMMISSIONING_OFFICER, -",
            "provider.nelft,   nelft-secret,    PROVIDER,              NELFT",
            "provider.sk8side, sk8side-secret,  PROVIDER,              Sk8side",
            "auditor.khan,     auditor-secret,  AUDITOR,               -",
            "viewer.patel,     viewer-secret,   VIEWER,                -",
            "operator.lee,     operator-secret, OPERATOR,              -"})
    void knowsEachDemoUserByTheTokenTheIssuerGaveThem(String user, String secret, String role, String provider)
            throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/test/caller"))
                .header("Authorization", "Bearer " + issuer.accessToken(user, secret))
                .header("X-Actor", "auditor.mallory")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode caller = new ObjectMapper().readTree(response.body());
        assertThat(caller.get("subject").asText()).isEqualTo(user);
        assertThat(caller.get("actor").asText()).isEqualTo(user);
        assertThat(caller.get("roles")).extracting(JsonNode::asText).containsExactly(role);
        assertThat(caller.path("provider").isMissingNode() ? null : caller.get("provider").asText()).isEqualTo(provider);
    }
}
