package org.commissioning.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of the platform authenticating as one of the issuer's users with the client-credentials grant, as
 * {@code curl -u officer.jones:officer-secret -d grant_type=client_credentials <issuer>/oauth2/token} does: the
 * access token is kept until a minute before it expires, then asked for again.
 */
public final class ClientCredentials {

    /** A client that sends no token (a test of what the platform refuses, a fake gateway). */
    public static final ClientCredentials NONE = new ClientCredentials(null, null, null);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final String tokenUri;
    private final String username;
    private final String secret;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentials(String tokenUri, String username, String secret) {
        this.tokenUri = tokenUri;
        this.username = username;
        this.secret = secret;
    }

    public String username() {
        return username;
    }

    /** {@code Bearer <token>}, or null for {@link #NONE}. */
    public synchronized String authorization() throws IOException, InterruptedException {
        if (tokenUri == null) {
            return null;
        }
        if (token == null || Instant.now().isAfter(renewAt)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUri))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("No token for " + username + " from " + tokenUri + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            token = body.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(body.path("expires_in").asLong(60)).minus(RENEW_BEFORE_EXPIRY);
        }
        return "Bearer " + token;
    }

    /** Adds this client's {@code Authorization} header to {@code request} (nothing for {@link #NONE}). */
    public HttpRequest.Builder authorize(HttpRequest.Builder request) throws IOException, InterruptedException {
        String authorization = authorization();
        return authorization == null ? request : request.header("Authorization", authorization);
    }
}
