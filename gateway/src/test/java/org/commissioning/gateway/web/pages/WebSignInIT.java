package org.commissioning.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.StubbedOwners;
import org.commissioning.gateway.support.WebSession;
import org.commissioning.embedded.KafkaBroker;
import org.commissioning.identity.DemoUsers;
import org.commissioning.identity.LocalIssuer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * A person signs in to the web pages as a browser does, at the real local issuer: the gateway sends them to the
 * issuer's login form (authorization code with PKCE, the public client), takes the code back, and from then on
 * the session's pages are made by the caller the access token names. The API beside the pages still wants a
 * bearer token, whatever cookie comes with the request.
 */
@TestPropertySource(properties = "platform.security.enabled=true")
class WebSignInIT extends GatewayITSupport {

    /** Chosen before the gateway starts: the issuer lets the web client come back to it after signing out. */
    static final int GATEWAY_PORT = KafkaBroker.freePort();

    @AutoClose
    static final LocalIssuer issuer = LocalIssuer.start(0, temporaryDirectory(),
            "--identity.web.post-logout-redirect-uris=http://127.0.0.1:" + GATEWAY_PORT + "/signed-out");

    @RegisterExtension
    static final StubbedOwners OWNERS = StubbedOwners.oneEach();

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
        registry.add("server.port", () -> GATEWAY_PORT);
        OWNERS.register(registry);
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("gateway-web-issuer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Value("${local.server.port}")
    int port;

    private WebSession session;
    private HttpClient browser;

    @BeforeEach
    void newBrowserSession() {
        session = new WebSession(port);
        browser = session.client();
    }

    @Test
    void sendsAnUnknownVisitorToTheIssuersLoginForm() throws Exception {
        HttpResponse<String> page = open("/");

        assertThat(page.uri().toString()).isEqualTo(issuer.issuerUri() + "/login");
        assertThat(page.body()).contains("name=\"username\"").contains("name=\"password\"");
    }

    @Test
    void showsTheSignedInOfficerTheirNameAndSections() throws Exception {
        HttpResponse<String> home = signIn(DemoUsers.OFFICER, "officer-secret");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.body()).contains("Sam Jones").contains("(Commissioning officer)")
                .contains("Rating table").contains("Audit").contains("name=\"_csrf\"");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'"));
    }

    @Test
    void takesAProvidersStaffToTheirOwnContractsWithoutTheCountySections() throws Exception {
        HttpResponse<String> landing = signIn(DemoUsers.NELFT, "nelft-secret");

        assertThat(landing.uri().getPath()).isEqualTo("/provider");
        assertThat(landing.body()).contains("Priya Shah (NELFT)").doesNotContain("Rating table");
    }

    @Test
    void signsOutAtTheIssuerTooSoTheNextVisitorMustSignInAgain() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");

        HttpResponse<String> signedOut = session.post("/logout", Map.of());
        HttpResponse<String> next = open("/");

        assertThat(signedOut.uri().getPath()).isEqualTo("/signed-out");
        assertThat(signedOut.body()).contains("You have signed out").doesNotContain("Sam Jones");
        assertThat(next.uri().toString()).isEqualTo(issuer.issuerUri() + "/login");
    }

    @Test
    void keepsTheApiForBearerTokensEvenWithASignedInSession() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");

        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create(gateway("/api/dashboard/contracts")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void answersAnUnknownPageWithTheNotFoundPageAndAnApiClientWithAProblem() throws Exception {
        signIn(DemoUsers.AUDITOR, "auditor-secret");

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(gateway("/no-such-page")))
                .header("Accept", WebSession.HTML).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").contains("Aisha Khan");
    }

    @Test
    void servesTheDesignSystemsStylesheetAndFontsWithoutSigningIn() throws Exception {
        HttpResponse<String> css = open("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css");
        HttpResponse<String> htmx = open("/webjars/htmx.org/dist/htmx.min.js");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("govuk-header");
        assertThat(htmx.statusCode()).isEqualTo(200);
        Matcher font = Pattern.compile("/assets/fonts/[^)\"']+\\.woff2").matcher(css.body());
        assertThat(font.find()).isTrue();
        assertThat(open(font.group()).statusCode()).isEqualTo(200);
    }

    @Test
    void looksUpOnlyThePagesOwnFilesAsStaticFilesNotEveryLinkAPageBuilds(@Autowired ResourceUrlProvider resources)
            throws Exception {
        assertThat(resources.getHandlerMap().keySet()).contains("/webjars/**", "/assets/**", "/ui/**")
                .doesNotContain("/**");
        assertThat(open("/ui/app.js").statusCode()).isEqualTo(200);
        assertThat(open("/assets/images/favicon.ico").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        return session.signIn(username, password);
    }

    private HttpResponse<String> open(String path) throws Exception {
        return session.get(path);
    }

    private String gateway(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
