package org.commissioning.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import org.commissioning.identity.IdentityProperties;
import org.commissioning.identity.LocalIssuer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/** The platform's resource server against the local issuer (infra/identity), as the embedded stack will run them. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.security.enabled=true")
class LocalIssuerTokensTest extends SecuredWebTest {

    @AutoClose
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

    static Stream<IdentityProperties.User> demoUsers() {
        return issuer.users().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsers")
    void knowsEachDemoUserByTheTokenTheIssuerGaveThem(IdentityProperties.User user) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test/caller"))
                .header("Authorization", "Bearer " + issuer.accessToken(user.username(), user.secret()))
                .header("X-Actor", "auditor.mallory"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode caller = json.readTree(response.body());
        assertThat(caller.get("subject").asText()).isEqualTo(user.username());
        assertThat(caller.get("displayName").asText()).isEqualTo(user.name());
        assertThat(caller.get("actor").asText()).isEqualTo(user.username());
        assertThat(caller.get("roles")).extracting(JsonNode::asText).containsExactlyElementsOf(List.copyOf(user.roles()));
        assertThat(caller.has("provider") ? caller.get("provider").asText() : null)
                .isEqualTo(user.providerBinding().orElse(null));
    }

    @Test
    void hasADemoUserForEveryRoleAndBothDemoProviders() {
        assertThat(issuer.users()).flatExtracting(IdentityProperties.User::roles)
                .containsAll(Stream.of(Role.values()).map(Enum::name).toList());
        assertThat(issuer.users()).extracting(user -> user.providerBinding().orElse(""))
                .contains("NELFT", "Sk8side");
    }
}
