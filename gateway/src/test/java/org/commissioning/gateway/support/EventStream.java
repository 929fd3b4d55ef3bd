package org.commissioning.gateway.support;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A page's live stream ({@code GET /events}) read as a browser's EventSource reads it, with the cookies of a
 * {@link WebSession}: each event's name and data are kept as they arrive, on a thread of the stream's own, until the
 * server ends the stream or {@link #close()} does.
 */
public final class EventStream implements AutoCloseable {

    /** An event of the stream; {@code name} is {@code message} for one without a name. */
    public record Event(String name, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean ended;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code /events} with the session's cookies; the answer's headers have arrived when this returns. */
    public static EventStream open(WebSession session, int port) throws Exception {
        HttpClient client = session.client();
        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Accept", "text/event-stream").header("Cache-Control", "no-cache").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        return new EventStream(response);
    }

    private void read() {
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                this.lines.add(line);
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring("data:".length()));
                }
            }
        } catch (UncheckedIOException | IllegalStateException closed) {
            // closed by this side
        } finally {
            ended = true;
        }
    }

    public int status() {
        return response.statusCode();
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events named {@code name}, in the order they came. */
    public List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** Every line read, e.g. the problem of a refused stream. */
    public String body() {
        return String.join("\n", lines);
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** Whether the server has ended the stream (or it was closed here). */
    public boolean ended() {
        return ended;
    }

    /** Closes the connection, as a browser does when the page is left. */
    @Override
    public void close() {
        response.body().close();
    }
}
