package org.commissioning.stack.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import org.commissioning.identity.DemoUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Page;

/**
 * The issuer's login form, as the web client's PKCE flow reaches it in a browser: the demo users sign in with their
 * password and the browser is sent back to the client with a code.
 */
@ExtendWith(Browsers.class)
class IssuerSignInIT {

    static final String CALLBACK = "http://127.0.0.1:5173/callback";

    @Test
    void aDemoUserSignsInAtTheLoginFormAndTheBrowserReturnsToTheClientWithACode(Browsing browsing) throws Exception {
        Page page = browsing.newVisitor();
        page.context().route(CALLBACK + "**", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setContentType("text/html").setBody("<html lang='en'><title>Signed in</title></html>")));
        String state = UUID.randomUUID().toString();

        browsing.signIn(page, DemoUsers.OFFICER, authorizeUrl(browsing, state));

        URI landed = URI.create(page.url());
        assertThat(landed.toString()).startsWith(CALLBACK + "?");
        assertThat(landed.getQuery()).contains("code=").contains("state=" + state);
    }

    @Test
    void aWrongPasswordKeepsTheVisitorAtTheLoginFormSayingSo(Browsing browsing) throws Exception {
        Page page = browsing.newVisitor();
        page.navigate(authorizeUrl(browsing, "s"));

        Browsing.submitLogin(page, DemoUsers.OFFICER, "not-the-secret");

        assertThat(page).hasURL(browsing.stack().issuerUri() + "/login?error");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("Bad credentials");
    }

    private static String authorizeUrl(Browsing browsing, String state) throws Exception {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return browsing.stack().issuerUri() + "/oauth2/authorize?response_type=code&client_id=commissioning-web"
                + "&scope=openid&state=" + state + "&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8);
    }
}
