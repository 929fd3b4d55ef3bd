package org.commissioning.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.StubbedOwners;
import org.commissioning.identity.DemoUsers;
import org.commissioning.identity.LocalIssuer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A person signs in to the web pages as a browser does, at the real local issuer: the gateway sends them to the
 * issuer's login form (authorization code with PKCE, the public client), takes the code back, and from then on
 * the session's pages are made by the caller the access token names. The API beside the pages still wants a
 * bearer token, whatever cookie comes with the request.
 */
@TestPropertySource(properties = "platform.security.enabled=true")
class WebSignInIT extends GatewayITSupport {

    @AutoClose
    static final LocalIssuer issuer = LocalIssuer.startInTemporaryDirectory("gateway-web-issuer");

    @RegisterExtension
    static final StubbedOwners OWNERS = StubbedOwners.oneEach();

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
        OWNERS.register(registry);
    }

    /** What a browser asks for when it follows a link. */
    static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Value("${local.server.port}")
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

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
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

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

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        HttpResponse<String> login = open("/");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).as(login.body()).isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return browser.send(HttpRequest.newBuilder(login.uri())
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", HTML)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> open(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : gateway(path)))
                        .header("Accept", HTML).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String gateway(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
