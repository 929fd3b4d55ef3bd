package org.commissioning.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fault suite's last check: every read model an operator can rebuild ({@code GET /actuator/rebuild} of each
 * service) is rebuilt from scratch ({@code POST /actuator/rebuild}), and the answers the platform gives from it
 * through the gateway for the load's contracts are compared before and after: a projection kept up to date through
 * the faults must equal its rebuild from the same events.
 */
final class RebuildCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One read model's rebuild.
     *
     * @param state     the rebuild's last state (DONE when it switched), or why it could not be started
     * @param events    what the rebuild read (events of the store; records of the topics for the gateway)
     * @param answers   answers compared through the gateway
     * @param differing answers unlike before the rebuild
     */
    record Outcome(String service, String readModel, String state, long events, Duration took, int answers,
                   int differing, List<String> examples) {

        double eventsPerSecond() {
            return took == null || took.isZero() ? 0 : events / (took.toMillis() / 1000.0);
        }

        boolean equal() {
            return "DONE".equals(state) && differing == 0;
        }
    }

    private final LocalStack stack;
    private final GatewayClient client;
    private final ClientCredentials operator;
    private final Duration patience;

    RebuildCheck(LocalStack stack, Duration patience) {
        this.stack = stack;
        this.client = new GatewayClient(stack.demoLoader());
        this.operator = stack.credentials("operator.lee");
        this.patience = patience;
    }

    /** Rebuilds every rebuildable read model of every service in turn, comparing the answers of its service. */
    List<Outcome> run(FaultLoad load) throws IOException, InterruptedException {
        Map<String, List<String>> instances = new LinkedHashMap<>();
        stack.serviceUrls().forEach((name, url) -> instances.computeIfAbsent(serviceOf(name), s -> new ArrayList<>())
                .add(url));
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, List<String>> service : instances.entrySet()) {
            for (String readModel : readModels(service.getValue().get(0))) {
                outcomes.add(rebuild(service.getKey(), service.getValue(), readModel, load));
            }
        }
        return outcomes;
    }

    /** Rebuilds one read model of a service (on whichever of its instances runs the live processor), nothing compared. */
    Outcome rebuild(String service, String readModel) throws IOException, InterruptedException {
        List<String> urls = new ArrayList<>();
        stack.serviceUrls().forEach((name, url) -> {
            if (serviceOf(name).equals(service)) {
                urls.add(url);
            }
        });
        return rebuild(service, urls, readModel, null);
    }

    private Outcome rebuild(String service, List<String> urls, String readModel, FaultLoad load)
            throws IOException, InterruptedException {
        Map<String, String> before = load == null ? Map.of() : answers(service, load);
        String instance = null;
        String refused = null;
        for (String url : urls) {
            HttpResponse<String> started = send("POST", url + "/actuator/rebuild",
                    "{\"readModel\":\"" + readModel + "\"}");
            if (started.statusCode() == 202) {
                instance = url;
                break;
            }
            // 409 live-processor-elsewhere: the live processor runs on the other instance
            refused = started.statusCode() + " " + started.body();
        }
        if (instance == null) {
            return new Outcome(service, readModel, "not started: " + refused, 0, null, 0, 0, List.of());
        }
        JsonNode last = null;
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            last = stateOf(instance, readModel);
            String state = last == null ? "" : last.path("lastRebuild").path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                break;
            }
            Thread.sleep(500);
        }
        JsonNode rebuild = last == null ? JSON.missingNode() : last.path("lastRebuild");
        String state = rebuild.path("state").asText("UNKNOWN");
        if (!state.equals("DONE") && !state.equals("FAILED")) {
            state = "not done within " + patience.toSeconds() + " s (" + state + ")";
        } else if (state.equals("FAILED")) {
            state = "FAILED: " + rebuild.path("error").asText();
        }
        Duration took = null;
        if (rebuild.hasNonNull("startedAt") && rebuild.hasNonNull("finishedAt")) {
            took = Duration.between(java.time.Instant.parse(rebuild.path("startedAt").asText()),
                    java.time.Instant.parse(rebuild.path("finishedAt").asText()));
        }
        Map<String, String> after = load == null ? Map.of() : answers(service, load);
        List<String> examples = new ArrayList<>();
        int differing = 0;
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            if (!equalAnswers(before.get(path), after.get(path))) {
                differing++;
                if (examples.size() < 3) {
                    examples.add(path + ": before " + abbreviate(before.get(path)) + ", after "
                            + abbreviate(after.get(path)));
                }
            }
        }
        return new Outcome(service, readModel, state, rebuild.path("processed").asLong(), took, paths.size(),
                differing, examples);
    }

    /** The read models the service's instance lists; none when it has no rebuild endpoint. */
    private List<String> readModels(String url) throws IOException, InterruptedException {
        HttpResponse<String> listed = send("GET", url + "/actuator/rebuild", null);
        if (listed.statusCode() == 404) {
            return List.of();
        }
        if (listed.statusCode() != 200) {
            throw new IOException("GET " + url + "/actuator/rebuild: " + listed.statusCode() + " " + listed.body());
        }
        List<String> names = new ArrayList<>();
        JSON.readTree(listed.body()).forEach(r -> names.add(r.path("readModel").asText()));
        return names;
    }

    private JsonNode stateOf(String url, String readModel) throws InterruptedException {
        try {
            HttpResponse<String> listed = send("GET", url + "/actuator/rebuild", null);
            if (listed.statusCode() == 200) {
                for (JsonNode r : JSON.readTree(listed.body())) {
                    if (r.path("readModel").asText().equals(readModel)) {
                        return r;
                    }
                }
            }
        } catch (IOException e) {
            // asked again at the next poll
        }
        return null;
    }

    /** What the service's read models answer for the load's contracts, through the gateway: path to status and body. */
    private Map<String, String> answers(String service, FaultLoad load) throws IOException, InterruptedException {
        List<String> paths = new ArrayList<>();
        switch (service) {
            case "contract-service" -> load.contracts().forEach(id -> {
                paths.add("/api/contracts/" + id);
                paths.add("/api/contracts/" + id + "/history");
            });
            case "kpi-service" -> {
                load.contracts().forEach(id -> {
                    paths.add("/api/kpi/contracts/" + id);
                    paths.add("/api/kpi/contracts/" + id + "/ytd");
                });
                load.accepted().forEach(r -> paths.add("/api/kpi/contracts/" + r.contractId() + "/returns/"
                        + r.period()));
            }
            case "rag-service" -> load.contracts().forEach(id -> {
                paths.add("/api/ratings/contracts/" + id);
                paths.add("/api/ratings/contracts/" + id + "/ratings");
            });
            case "deepdive-service" -> load.contracts().forEach(id -> paths.add("/api/deepdives/contracts/" + id));
            case "gateway" -> paths.add("/api/dashboard/contracts");
            default -> { }
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : new TreeSet<>(paths)) {
            HttpResponse<String> answer = client.send("GET", stack.gatewayUrl() + path, null);
            answers.put(path, answer.statusCode() + " " + answer.body());
        }
        return answers;
    }

    private static boolean equalAnswers(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        int i = a.indexOf(' ');
        int j = b.indexOf(' ');
        if (!a.substring(0, i).equals(b.substring(0, j))) {
            return false;
        }
        try {
            return JSON.readTree(a.substring(i + 1)).equals(JSON.readTree(b.substring(j + 1)));
        } catch (IOException e) {
            return false;
        }
    }

    private static String abbreviate(String answer) {
        return answer == null ? "none" : answer.length() <= 300 ? answer : answer.substring(0, 300) + "...";
    }

    private HttpResponse<String> send(String method, String url, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = operator.authorize(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code rag-service-2} is an instance of {@code rag-service}. */
    static String serviceOf(String instance) {
        return instance.matches(".*-\\d+") ? instance.substring(0, instance.lastIndexOf('-')) : instance;
    }
}
