package org.commissioning.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session with the gateway's pages, without the browser: cookies kept, redirects followed (across to
 * the issuer and back), HTML asked for, and each form posted with the CSRF token of the last page read.
 */
public final class WebSession {

    /** What a browser asks for when it follows a link. */
    public static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private String csrf;

    public WebSession(int gatewayPort) {
        this.base = "http://127.0.0.1:" + gatewayPort;
    }

    /** Signs in at the issuer's login form, as the demo user {@code username}; the page the sign-in lands on. */
    public HttpResponse<String> signIn(String username, String password) throws Exception {
        HttpResponse<String> login = get("/");
        assertThat(login.uri().getPath()).as("the issuer's login form").isEqualTo("/login");
        return send(HttpRequest.newBuilder(login.uri()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf)))));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Posts {@code fields} as a form does, with the CSRF token of the last page read. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))));
    }

    /**
     * Posts a file as a form with {@code enctype="multipart/form-data"} does: first the form's {@code _csrf} field
     * (the CSRF token of the last page read), then the file in the part {@code field}, as a browser sends them.
     */
    public HttpResponse<String> postMultipart(String path, String field, String fileName, String contentType,
                                              byte[] file) throws Exception {
        String boundary = "----web-session-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The same request as htmx makes it ({@code HX-Request}, the CSRF header). */
    public HttpResponse<String> htmx(String method, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").header("X-CSRF-TOKEN", csrf)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public HttpClient client() {
        return browser;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = browser.send(request.header("Accept", HTML).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(response.body());
        Matcher meta = CSRF_META.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        } else if (meta.find()) {
            csrf = meta.group(1);
        }
        return response;
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
