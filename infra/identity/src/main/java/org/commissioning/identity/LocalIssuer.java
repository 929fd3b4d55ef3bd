package org.commissioning.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The issuer started in this JVM (tests, or a launcher that keeps it in-process): on {@code 127.0.0.1}, its key in
 * {@code dataDir}, issuer URI {@code http://127.0.0.1:<port>}, the demo users of {@code identity.yml}.
 */
public final class LocalIssuer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String issuerUri;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private LocalIssuer(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.issuerUri = "http://127.0.0.1:" + port;
    }

    /** Starts the issuer on {@code port} (0: any free port) with its key in {@code dataDir}. */
    public static LocalIssuer start(int port, Path dataDir, String... moreArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--identity.data-dir=" + dataDir.toAbsolutePath()));
        args.addAll(List.of(moreArgs));
        return new LocalIssuer(IdentityApplication.builder().run(args.toArray(String[]::new)));
    }

    /** Starts the issuer on any free port with its key in a new temporary directory named {@code prefix...}. */
    public static LocalIssuer startInTemporaryDirectory(String prefix) {
        try {
            return start(0, Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuerUri() {
        return issuerUri;
    }

    public String tokenUri() {
        return issuerUri + "/oauth2/token";
    }

    /** The users this issuer knows ({@code identity.users}). */
    public List<IdentityProperties.User> users() {
        return context.getBean(IdentityProperties.class).users();
    }

    public String jwkSetUri() {
        return issuerUri + "/oauth2/jwks";
    }

    /** An access token for the demo user {@code username}, with the secret this issuer's settings give it. */
    public String accessToken(String username) {
        return accessToken(username, users().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo user " + username)).secret());
    }

    /** An access token for {@code username} with the client-credentials grant. */
    public String accessToken(String username, String secret) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUri()))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No token for " + username + ": HTTP " + response.statusCode()
                        + " " + response.body());
            }
            JsonNode body = json.readTree(response.body());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("The issuer at " + issuerUri + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for a token", e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
