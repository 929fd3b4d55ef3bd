package org.commissioning.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo users' tokens, asked for over real HTTP from the issuer started in-process, checked as a resource server would. */
class IssuedTokensTest {

    @TempDir
    static Path dataDir;

    static LocalIssuer issuer;
    static NimbusJwtDecoder decoder;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startIssuer() {
        issuer = LocalIssuer.start(0, dataDir);
        decoder = resourceServerDecoder(issuer);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    static NimbusJwtDecoder resourceServerDecoder(LocalIssuer issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer.issuerUri()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("commissioning-api"))));
        return decoder;
    }

    static NimbusJwtDecoder resourceServerDecoderIgnoringIssuer(LocalIssuer issuer) {
        return NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "officer.jones,    officer-secret,  Sam Jones,                       COMMISSIONING_OFFICER, -",
            "provider.nelft,   nelft-secret,    Priya Shah (NELFT),              PROVIDER,              NELFT",
            "provider.sk8side, sk8side-secret,  Dan Price (Sk8side),             PROVIDER,              Sk8side",
            "auditor.khan,     auditor-secret,  Aisha Khan (internal audit),     AUDITOR,               -",
            "viewer.patel,     viewer-secret,   Cllr Ravi Patel,                 VIEWER,                -",
            "operator.lee,     operator-secret, Chris Lee (platform operations), OPERATOR,              -",
            "demo-loader,      demo-loader-secret, Demo data loader,             COMMISSIONING_OFFICER, -"})
    void issuesEachDemoUserATokenNamingTheirRolesAndProvider(String user, String secret, String name, String role,
                                                            String provider) throws Exception {
        HttpResponse<String> response = tokenRequest(user, secret);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);

        Jwt token = decoder.decode(body.get("access_token").asText());
        assertThat(token.getSubject()).isEqualTo(user);
        assertThat(token.getClaimAsString("name")).isEqualTo(name);
        assertThat(token.getClaimAsStringList("roles")).containsExactly(role);
        assertThat(token.getClaimAsString("provider")).isEqualTo(provider);
        assertThat(token.getAudience()).containsExactly("commissioning-api");
        assertThat(token.getIssuer().toString()).isEqualTo(issuer.issuerUri());
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refusesAWrongSecretWith401AndNoToken() throws Exception {
        HttpResponse<String> response = tokenRequest("officer.jones", "nelft-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo("invalid_client");
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void refusesAnUnknownClientWith401() throws Exception {
        assertThat(tokenRequest("auditor.mallory", "auditor-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesTheClientCredentialsGrantToTheWebUiClient() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=commissioning-web"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void servesThePublicSigningKeyOnlyAsJwks() throws Exception {
        JsonNode keys = getJson(issuer.jwkSetUri()).get("keys");

        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("kid").asText()).isNotBlank();
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("d")).as("private exponent published").isFalse();
        assertThat(key.has("p") || key.has("q")).as("private primes published").isFalse();
    }

    @Test
    void publishesItsMetadataForResourceServersToDiscover() throws Exception {
        JsonNode metadata = getJson(issuer.issuerUri() + "/.well-known/openid-configuration");

        assertThat(metadata.get("issuer").asText()).isEqualTo(issuer.issuerUri());
        assertThat(metadata.get("jwks_uri").asText()).isEqualTo(issuer.jwkSetUri());
        assertThat(metadata.get("token_endpoint").asText()).isEqualTo(issuer.tokenUri());
    }

    @Test
    void givesTheHelperATokenTheDecoderAccepts() {
        assertThat(decoder.decode(issuer.accessToken("auditor.khan", "auditor-secret")).getSubject())
                .isEqualTo("auditor.khan");
        assertThatThrownBy(() -> issuer.accessToken("auditor.khan", "wrong")).hasMessageContaining("401");
    }

    private HttpResponse<String> tokenRequest(String user, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri).isEqualTo(200);
        return json.readTree(response.body());
    }
}
