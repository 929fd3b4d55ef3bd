package org.commissioning.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Security off (the default), with Spring Security on the classpath: the service answers as it did without it. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityOffTest extends SecuredWebTest {

    @Test
    void takesTheActorFromXActorAndAsksForNoToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test/plans"))
                .header("X-Actor", "officer.jones").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("actor").asText()).isEqualTo("officer.jones");
        assertThat(json.readTree(response.body()).get("actorName").asText()).as("X-Actor names the actor too")
                .isEqualTo("officer.jones");
        assertThat(response.headers().firstValue("Cache-Control")).as("no security headers added").isEmpty();
        assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    @Test
    void leavesTheActuatorOpen() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/test/caller", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAJsonBodySentAsAFormWithAProblemNotAServerError() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test/notes"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"provider\":\"Sk8side\",\n \"serviceArea\":\"YOUTH\"}")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("rule").asText()).isEqualTo("request-firewall");
        assertThat(response.body()).doesNotContain("Sk8side");
    }

    @Test
    void refusesAPathTheFirewallRejectsWithAProblem() throws Exception {
        HttpResponse<String> response = get("/test/caller;jsessionid=x", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("rule").asText()).isEqualTo("request-firewall");
    }
}
