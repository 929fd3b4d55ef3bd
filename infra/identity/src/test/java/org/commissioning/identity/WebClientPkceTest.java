package org.commissioning.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The web UI's public client: a user logs in through the browser flow, authorization code with PKCE. */
class WebClientPkceTest {

    static final String REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/commissioning";

    @TempDir
    static Path dataDir;

    static LocalIssuer issuer;

    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startIssuer() {
        issuer = LocalIssuer.start(0, dataDir);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void givesALoggedInProviderUserATokenBoundToTheirProvider() throws Exception {
        String verifier = randomVerifier();
        String authorize = issuer.issuerUri() + "/oauth2/authorize?response_type=code&client_id=commissioning-web"
                + "&redirect_uri=" + enc(REDIRECT) + "&scope=" + enc("openid profile") + "&state=s1"
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";

        HttpResponse<String> toLogin = get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).endsWith("/login");

        String loginPage = get(issuer.issuerUri() + "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as(loginPage).isTrue();
        HttpResponse<String> loggedIn = post(issuer.issuerUri() + "/login",
                "username=provider.nelft&password=nelft-secret&_csrf=" + enc(csrf.group(1)));
        assertThat(loggedIn.statusCode()).isEqualTo(302);

        HttpResponse<String> toClient = get(absolute(location(loggedIn)));
        assertThat(toClient.statusCode()).isEqualTo(302);
        String callback = location(toClient);
        assertThat(callback).startsWith(REDIRECT).contains("state=s1");
        String code = callback.replaceAll(".*[?&]code=([^&]+).*", "$1");

        HttpResponse<String> token = post(issuer.tokenUri(), "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + enc(REDIRECT) + "&client_id=commissioning-web&code_verifier=" + verifier);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Jwt jwt = IssuedTokensTest.resourceServerDecoder(issuer)
                .decode(new ObjectMapper().readTree(token.body()).get("access_token").asText());
        assertThat(jwt.getSubject()).isEqualTo("provider.nelft");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PROVIDER");
        assertThat(jwt.getClaimAsString("provider")).isEqualTo("NELFT");
        assertThat(jwt.getAudience()).containsExactly("commissioning-api");
    }

    @Test
    void refusesAnAuthorizationRequestWithoutProofKey() throws Exception {
        HttpResponse<String> response = get(issuer.issuerUri() + "/oauth2/authorize?response_type=code"
                + "&client_id=commissioning-web&redirect_uri=" + enc(REDIRECT) + "&scope=openid&state=s2");

        assertThat(response.statusCode()).isIn(302, 400);
        String answer = response.statusCode() == 302 ? location(response) : response.body();
        assertThat(answer).contains("invalid_request").doesNotContain("code=");
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String uri, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String absolute(String location) {
        return location.startsWith("http") ? location : issuer.issuerUri() + location;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
