package org.commissioning.stack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser session with the gateway's web pages, without the browser: it signs in once through the
 * issuer's login form (the gateway sends it there and takes the code back), keeps the cookies, and asks for pages
 * as a browser follows a link.
 */
final class PageSession {

    static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    PageSession(String gateway) {
        this.gateway = gateway;
    }

    /** Signs in as {@code username} at the issuer's form; fails unless it lands back on the gateway's pages. */
    PageSession signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = get("/");
        Matcher csrf = CSRF.matcher(login.body());
        if (!login.uri().getPath().equals("/login") || !csrf.find()) {
            throw new IllegalStateException("The gateway did not send the sign-in to the issuer's form: "
                    + login.statusCode() + " " + login.uri());
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1));
        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(login.uri()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", HTML)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(gateway)) {
            throw new IllegalStateException("Signing in as " + username + " landed on " + landed.statusCode() + " "
                    + landed.uri());
        }
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", HTML).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
