package org.commissioning.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The launcher's HTTP client of the platform (demo loaders, benchmark): every request with one user's access token
 * (the actor the platform records is that user), JSON bodies.
 */
final class GatewayClient {

    /** The issuer's user the demo data is loaded as (an officer). */
    static final String DEMO_USER = "demo-loader";
    static final String DEMO_SECRET = "demo-loader-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ClientCredentials credentials;

    GatewayClient(ClientCredentials credentials) {
        this.credentials = credentials;
    }

    HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = credentials.authorize(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until {@code url} answers 200 (a service knows a contract once it has consumed its registration).
     *
     * @param deadline a {@link System#nanoTime()} after which it gives up
     * @return false when the deadline passed first
     */
    boolean awaitOk(String url, long deadline) throws InterruptedException {
        while (true) {
            try {
                if (send("GET", url, null).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // the gateway or the service is still starting
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }
}
