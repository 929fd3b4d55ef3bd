package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.stack.DemoDataTest.reply;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo's 2018-19 deep-dive programme (Fig. 1) sent through a stand-in of the gateway and deepdive-service over
 * real HTTP that remembers each deep dive ({@link LocalStackIT} runs it against the real services): 13 recorded
 * complete without grades, 5 left pending, Porchlight due in May 2018, nothing done twice.
 */
class DeepDiveDemoDataTest {

    static final Pattern DEEP_DIVE = Pattern.compile("/api/deepdives/contracts/([^/]+)/deep-dives/2018(/[a-z-]+)?");

    final ObjectMapper json = new ObjectMapper();
    /** Status and due date of each contract's deep dive of 2018. */
    final Map<String, String[]> deepDives = new ConcurrentHashMap<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    String act;
    HttpServer gateway;
    boolean opened;

    @BeforeEach
    void startGateway() throws IOException {
        act = new NoticeDemoData(ClientCredentials.NONE).contractId();
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/deepdives", this::answer);
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void readsFigureOneFromTheDemoData() throws IOException {
        List<DeepDiveDemoData.DemoDeepDive> all = new DeepDiveDemoData(ClientCredentials.NONE).deepDives();

        assertThat(all).filteredOn(d -> "COMPLETE".equals(d.status())).hasSize(13);
        assertThat(all).filteredOn(d -> "PENDING".equals(d.status())).hasSize(5);
        assertThat(all).filteredOn(d -> d.due() != null).singleElement()
                .satisfies(d -> assertThat(d.name()).startsWith("Porchlight"))
                .extracting(DeepDiveDemoData.DemoDeepDive::due).isEqualTo(LocalDate.of(2018, 5, 31));
        assertThat(DeepDiveDemoData.due("February")).as("in the financial year").isEqualTo(LocalDate.of(2019, 2, 28));
    }

    @Test
    void loadsTheProgrammeOnceWithoutGradesAndLeavesThePendingOnesOpen() throws Exception {
        String url = "http://127.0.0.1:" + gateway.getAddress().getPort();

        DeepDiveDemoData.Result first = new DeepDiveDemoData(ClientCredentials.NONE).load(url);
        DeepDiveDemoData.Result second = new DeepDiveDemoData(ClientCredentials.NONE).load(url);

        assertThat(first.failures()).isEmpty();
        assertThat(first.planned()).as("Porchlight's, then the programme's 17 and NELFT's").isEqualTo(19);
        assertThat(first.completed()).isEqualTo(13);
        assertThat(first.cancelled()).as("NELFT's, not in Fig. 1").isEqualTo(1);
        assertThat(first.summary()).startsWith("deep dives 2018-19: 13 complete, 5 pending" + System.lineSeparator());
        assertThat(second).extracting(DeepDiveDemoData.Result::planned, DeepDiveDemoData.Result::completed,
                DeepDiveDemoData.Result::cancelled, DeepDiveDemoData.Result::failures).containsExactly(0, 0, 0, List.of());
        assertThat(deepDives.values()).filteredOn(d -> d[0].equals("PLANNED")).hasSize(5);
        String porchlight = new DeepDiveDemoData(ClientCredentials.NONE).deepDives().stream()
                .filter(d -> d.due() != null).findFirst().orElseThrow().contractId();
        assertThat(deepDives.get(porchlight)).containsExactly("PLANNED", "2018-05-31");
        assertThat(bodies).as("no grade is sent").noneMatch(body -> body.contains("\"grade\"")
                || body.contains("Grade\""));
        assertThat(bodies).filteredOn(body -> body.contains("sourceReference")).hasSize(13)
                .allSatisfy(body -> assertThat(body).contains("Fig. 1").contains("\"completedOn\":\"2018-04-30\""));
    }

    /** A stand-in of deepdive-service: every demo contract but the Procurement Act one is known and joins 2018. */
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            bodies.add(body);
        }
        if (path.equals("/api/deepdives/programmes/2018")) {
            if (method.equals("GET")) {
                long complete = deepDives.values().stream().filter(d -> d[0].equals("COMPLETE")).count();
                long pending = deepDives.values().stream().filter(d -> d[0].equals("PLANNED")).count();
                reply(exchange, 200, "{\"totals\":{\"complete\":" + complete + ",\"pending\":" + pending
                        + ",\"overdue\":0}}");
                return;
            }
            if (opened) {
                reply(exchange, 409, "{}");
                return;
            }
            opened = true;
            int planned = 0;
            for (DeepDiveDemoData.DemoDeepDive d : new DeepDiveDemoData(ClientCredentials.NONE).deepDives()) {
                if (!d.contractId().equals(act) && deepDives.putIfAbsent(d.contractId(), planned()) == null) {
                    planned++;
                }
            }
            reply(exchange, 201, "{\"planned\":" + planned + "}");
            return;
        }
        if (path.startsWith("/api/deepdives/contracts/") && path.split("/").length == 5) {
            reply(exchange, 200, "{}");
            return;
        }
        Matcher matcher = DEEP_DIVE.matcher(path);
        if (!matcher.matches()) {
            reply(exchange, 404, "{}");
            return;
        }
        String id = matcher.group(1);
        String step = matcher.group(2);
        String[] deepDive = deepDives.get(id);
        if (step == null && method.equals("GET")) {
            reply(exchange, deepDive == null ? 404 : 200,
                    deepDive == null ? "{}" : "{\"status\":\"" + deepDive[0] + "\"}");
            return;
        }
        if (step == null) {
            JsonNode request = body.isEmpty() ? null : json.readTree(body);
            String due = request == null ? "anniversary" : request.path("dueDate").asText();
            reply(exchange, deepDives.putIfAbsent(id, new String[] {"PLANNED", due}) == null ? 201 : 409, "{}");
            return;
        }
        deepDive[0] = step.equals("/historic-completion") ? "COMPLETE" : "CANCELLED";
        reply(exchange, 200, "{}");
    }

    private static String[] planned() {
        return new String[] {"PLANNED", "anniversary"};
    }
}
