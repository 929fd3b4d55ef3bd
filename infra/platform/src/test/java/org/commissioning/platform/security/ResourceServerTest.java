package org.commissioning.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service with security on, called over real HTTP with tokens of an issuer whose metadata and keys it fetches
 * over real HTTP: who gets in, who is refused, and what the refusal says.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.security.enabled=true")
class ResourceServerTest extends SecuredWebTest {

    @AutoClose
    static final TestIssuer issuer = new TestIssuer();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::uri);
    }

    @Test
    void mapsAValidTokenToTheCallerItNames() throws Exception {
        String token = issuer.token("provider.nelft", List.of("PROVIDER", "offline_access"),
                claims -> claims.claim("provider", "NELFT"));

        HttpResponse<String> response = get("/test/caller", token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode caller = json.readTree(response.body());
        assertThat(caller.get("subject").asText()).isEqualTo("provider.nelft");
        assertThat(caller.get("displayName").asText()).isEqualTo("Name of provider.nelft");
        assertThat(caller.get("roles")).extracting(JsonNode::asText).containsExactly("PROVIDER");
        assertThat(caller.get("provider").asText()).isEqualTo("NELFT");
        assertThat(caller.get("actor").asText()).isEqualTo("provider.nelft");
    }

    @Test
    void recordsTheSubjectInsteadOfADisplayNameThatIsNotARecordableName() throws Exception {
        for (String name : List.of("<script>alert(1)</script>", "Line\nbreak", "x".repeat(129))) {
            String token = issuer.token("officer.jones", List.of("COMMISSIONING_OFFICER"), claims -> claims.claim("name", name));

            HttpResponse<String> response = get("/test/caller", token);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("displayName").asText()).as(name).isEqualTo("officer.jones");
        }
        String accented = issuer.token("officer.jones", List.of("COMMISSIONING_OFFICER"),
                claims -> claims.claim("name", "Zoë O'Brien-Ngũgĩ (NELFT)"));
        assertThat(json.readTree(get("/test/caller", accented).body()).get("displayName").asText())
                .isEqualTo("Zoë O'Brien-Ngũgĩ (NELFT)");
    }

    @Test
    void recordsTheTokensSubjectAsTheActorAndItsNameAsTheActorsNameWhateverXActorSays() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test/plans"))
                .header("Authorization", "Bearer " + issuer.token("officer.jones", "COMMISSIONING_OFFICER"))
                .header("X-Actor", "auditor.mallory")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("actor").asText()).isEqualTo("officer.jones");
        assertThat(json.readTree(response.body()).get("actorName").asText()).isEqualTo("Name of officer.jones");
    }

    @Test
    void refusesARequestWithoutATokenWith401Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test/caller"))
                .header("X-Actor", "officer.jones").header("X-Correlation-Id", "corr-401"));

        assertUnauthenticated(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("corr-401");
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        assertRefusedAsInvalid(issuer.token("officer.jones", List.of("COMMISSIONING_OFFICER"), claims -> claims
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(15))))));
    }

    @Test
    void refusesATokenWithoutExpiry() throws Exception {
        assertRefusedAsInvalid(issuer.token("officer.jones", List.of("COMMISSIONING_OFFICER"),
                claims -> claims.expirationTime(null)));
    }

    @Test
    void refusesATokenOfAnotherIssuer() throws Exception {
        assertRefusedAsInvalid(issuer.token("officer.jones", List.of("COMMISSIONING_OFFICER"),
                claims -> claims.issuer("http://127.0.0.1:1/realms/elsewhere")));
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        assertRefusedAsInvalid(issuer.token("officer.jones", List.of("COMMISSIONING_OFFICER"),
                claims -> claims.audience("another-api")));
    }

    @Test
    void refusesATokenSignedWithAKeyTheIssuerNeverPublished() throws Exception {
        assertRefusedAsInvalid(issuer.forged("officer.jones", "COMMISSIONING_OFFICER"));
    }

    @Test
    void refusesAnUnsignedToken() throws Exception {
        assertRefusedAsInvalid(issuer.unsigned("officer.jones", "COMMISSIONING_OFFICER"));
    }

    @Test
    void refusesATokenSignedWithHmacOverThePublicKey() throws Exception {
        assertRefusedAsInvalid(issuer.hmacSigned("officer.jones", "COMMISSIONING_OFFICER"));
    }

    @Test
    void picksUpARotatedIssuerKeyWithoutARestart() throws Exception {
        String before = issuer.token("officer.jones", "COMMISSIONING_OFFICER");
        assertThat(get("/test/caller", before).statusCode()).isEqualTo(200);
        // an unknown key id just before must not hold back the fetch of the rotated key
        assertRefusedAsInvalid(issuer.forged("officer.jones", "COMMISSIONING_OFFICER"));

        issuer.rotateKey();

        HttpResponse<String> after = get("/test/caller", issuer.token("officer.jones", "COMMISSIONING_OFFICER"));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertRefusedAsInvalid(before);
    }

    @Test
    void refusesATokenThatIsNotAJwt() throws Exception {
        assertRefusedAsInvalid("not-a-jwt");
    }

    @Test
    void refusesAProviderUserBoundToNoProvider() throws Exception {
        assertRefusedAsInvalid(issuer.token("provider.nobody", "PROVIDER"));
    }

    @Test
    void refusesARoleWithoutPermissionWith403ThatNamesNoRole() throws Exception {
        HttpResponse<String> response = post("/test/plans", issuer.token("auditor.khan", "AUDITOR"));

        assertForbidden(response);
    }

    @Test
    void refusesWithTheSame403WhenAUseCaseChecksTheCaller() throws Exception {
        HttpResponse<String> refused = post("/test/returns", issuer.token("viewer.patel", "VIEWER"));
        assertForbidden(refused);

        HttpResponse<String> allowed = post("/test/returns", issuer.token("provider.sk8side", List.of("PROVIDER"),
                        claims -> claims.claim("provider", "Sk8side")));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(json.readTree(allowed.body()).get("provider").asText()).isEqualTo("Sk8side");
    }

    @Test
    void answersHealthWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void keepsTheActuatorBeyondHealthForOperators() throws Exception {
        assertForbidden(get("/actuator", issuer.token("officer.jones", "COMMISSIONING_OFFICER")));
        assertThat(get("/actuator", issuer.token("operator.lee", "OPERATOR")).statusCode()).isEqualTo(200);
    }

    private void assertRefusedAsInvalid(String token) throws Exception {
        HttpResponse<String> response = get("/test/caller", token);
        assertUnauthenticated(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    private void assertUnauthenticated(HttpResponse<String> response) throws Exception {
        assertThat(assertProblem(response, 401, SecurityProblems.UNAUTHENTICATED).get("detail").asText())
                .isEqualTo("A valid bearer token is required.");
    }

    private void assertForbidden(HttpResponse<String> response) throws Exception {
        assertProblem(response, 403, SecurityProblems.FORBIDDEN);
        assertThat(response.body()).doesNotContainIgnoringCase("officer").doesNotContainIgnoringCase("role")
                .doesNotContainIgnoringCase("operator").doesNotContainIgnoringCase("provider");
    }
}
