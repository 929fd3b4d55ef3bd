package org.commissioning.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a service the gateway routes to. It records every request and answers:
 * <ul>
 *   <li>{@code POST /api/contracts}: 201 with a Location and a JSON body;</li>
 *   <li>a path given an answer of its own ({@link #answer}): that answer;</li>
 *   <li>any path ending in {@code /invalid}: 400 {@code application/problem+json};</li>
 *   <li>anything else: 200 JSON naming this owner and echoing the path and query it received.</li>
 * </ul>
 * Every answer carries back the request's {@code X-Correlation-Id}, as the platform's services do.
 */
public final class OwnerStub implements AutoCloseable {

    public static final String CREATED_BODY = "{\"contractId\":\"5b1f0a52-3c1e-4d8e-9a51-0d7f2d9b6a11\"}";
    public static final String CREATED_LOCATION = "/api/contracts/5b1f0a52-3c1e-4d8e-9a51-0d7f2d9b6a11";
    public static final String PROBLEM_BODY = """
            {"type":"https://commissioning.example/problems/validation","title":"Invalid request","status":400,\
            "detail":"end: must be after start","errors":[{"field":"end","message":"must be after start"}]}""";

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private OwnerStub(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public static OwnerStub start(String name) {
        return new OwnerStub(name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * From now on, {@code path} is answered with this status, content type and body; {@code {asOf}} in the body
     * stands for the request's {@code asOf} parameter, as it was sent.
     */
    public void answer(String path, int status, String contentType, String body) {
        answers.put(path, new Answer(status, contentType, body));
    }

    /** From now on, {@code path} asked with exactly this {@code asOf} is answered so (before any answer of the path). */
    public void answer(String path, String asOf, int status, String contentType, String body) {
        answers.put(path + "?asOf=" + asOf, new Answer(status, contentType, body));
    }

    private record Answer(int status, String contentType, String body) {
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The last request that reached this owner on {@code path}. */
    public Received last(String path) {
        return received.stream().filter(r -> r.path().equals(path)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(name + " received no request for " + path + "; got " + received));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), path, query, headers, body));

            String correlation = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlation != null) {
                exchange.getResponseHeaders().set("X-Correlation-Id", correlation);
            }
            String asOf = query == null ? "" : java.util.Arrays.stream(query.split("&"))
                    .filter(p -> p.startsWith("asOf=")).map(p -> URLDecoder.decode(p.substring(5),
                            StandardCharsets.UTF_8)).findFirst().orElse("");
            Answer given = answers.getOrDefault(path + "?asOf=" + asOf, answers.get(path));
            if (given != null) {
                send(exchange, given.status(), given.contentType(), given.body().replace("{asOf}", asOf));
            } else if (exchange.getRequestMethod().equals("POST") && path.equals("/api/contracts")) {
                exchange.getResponseHeaders().set("Location", CREATED_LOCATION);
                send(exchange, 201, "application/json", CREATED_BODY);
            } else if (path.endsWith("/invalid")) {
                send(exchange, 400, "application/problem+json", PROBLEM_BODY);
            } else {
                send(exchange, 200, "application/json", """
                        {"owner":"%s","path":"%s","query":"%s"}""".formatted(name, path, query == null ? "" : query));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    public record Received(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}
