package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo loaders read the demo data from one resource and send it through the gateway as the demo's actor; the
 * contracts and their escalations are loaded once, however often they are loaded. Here the gateway is a stand-in
 * over real HTTP that remembers what it was sent ({@link LocalStackIT} runs them against the real services).
 */
class DemoDataTest {

    static final Pattern CONTRACT_STEP = Pattern.compile("/api/contracts/([^/]+)/(warnings|termination|recommissioning|plans|history)");
    static final Map<String, String> STEP_EVENTS = Map.of("warnings", "ContractWarningIssued",
            "termination", "ContractTerminated", "recommissioning", "ContractRecommissioned", "plans", "PlanStarted");

    final ObjectMapper json = new ObjectMapper();
    final Map<String, Set<String>> histories = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    HttpServer gateway;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/contracts", this::answer);
        gateway.createContext("/oauth2/token", exchange -> {
            tokenRequests.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            reply(exchange, 200, "{\"access_token\":\"the-demo-loaders-token\",\"expires_in\":900}");
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void readsTheDemoDataFromTheOneResource() throws IOException {
        List<ObjectNode> registrations = new DemoData().registrations();
        assertThat(registrations).hasSize(20);
        assertThat(registrations.stream().map(r -> r.get("contractId").asText()).distinct()).hasSize(20);
        assertThat(new KpiDemoData().returns()).hasSize(11);
        assertThat(new RatingDemoData().demoMonths()).hasSize(11).startsWith("2018-04").endsWith("2019-02");
        assertThat(new RatingDemoData().ratings()).hasSize(18)
                .allSatisfy(r -> assertThat(r.rationale()).startsWith("Rated " + r.rating() + " in " + RatingDemoData.REPORT));
        assertThat(registrations).extracting(r -> r.get("contractId").asText())
                .contains(new KpiDemoData().nelftContractId());
    }

    @Test
    void registersTheIllustrativeContractUnderTheProcurementActInScopeWithAYearOfReturnsOfItsThreeKpis()
            throws IOException {
        NoticeDemoData notices = new NoticeDemoData(ClientCredentials.NONE);
        ObjectNode contract = new DemoData().registrations().stream()
                .filter(r -> r.get("contractId").asText().equals(contractIdOf(notices))).findFirst().orElseThrow();

        assertThat(contract.get("start").asText()).isEqualTo("2025-04-01").isGreaterThan("2025-02-24");
        assertThat(contract.get("annualValueGbp").decimalValue().multiply(java.math.BigDecimal.valueOf(3)))
                .as("three years' value").isGreaterThan(new java.math.BigDecimal("5000000"));
        assertThat(contract.get("provider").asText()).contains("illustrative");
        assertThat(notices.noticeYear()).isEqualTo("2025-04");
        assertThat(notices.returns()).hasSize(12).allSatisfy(r -> assertThat(r.get("values")).hasSize(3));
        assertThat(notices.returns().get(0).get("period").asText()).isEqualTo("2025-04");
        assertThat(notices.returns().get(11).get("period").asText()).isEqualTo("2026-03");
        assertThat(contractIdOf(notices)).isEqualTo("21efa337-db0e-3f57-8ecb-3f95e72d309e");
    }

    private static String contractIdOf(NoticeDemoData notices) {
        try {
            return notices.contractId();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void registersTheContractsAndTakesTheirEscalationsOnceWithTheDemoLoadersToken() throws Exception {
        String url = "http://127.0.0.1:" + gateway.getAddress().getPort();

        ClientCredentials demoLoader = new ClientCredentials(url + "/oauth2/token", GatewayClient.DEMO_USER,
                GatewayClient.DEMO_SECRET);

        DemoData.Result first = new DemoData(demoLoader).load(url);
        DemoData.Result second = new DemoData(demoLoader).load(url);

        assertThat(first.failures()).isEmpty();
        assertThat(first.registered()).isEqualTo(20);
        assertThat(first.escalationSteps()).isEqualTo(12);
        assertThat(second).isEqualTo(new DemoData.Result(0, 20, List.of(), 0));
        assertThat(authorizations).isNotEmpty().containsOnly("Bearer the-demo-loaders-token");
        assertThat(tokenRequests).as("one token, kept while it is valid").containsExactly("Basic "
                + java.util.Base64.getEncoder().encodeToString("demo-loader:demo-loader-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(histories.values().stream().filter(h -> h.contains("ContractTerminated")).count()).isEqualTo(3);
    }

    @Test
    void givesUpOnAHistoryThatCannotBeReadAfterItsPatience() throws Exception {
        gateway.removeContext("/api/contracts");
        gateway.createContext("/api/contracts", exchange -> {
            boolean registration = exchange.getRequestURI().getPath().equals("/api/contracts");
            reply(exchange, registration ? 201 : 503, "{}");
        });
        long started = System.nanoTime();

        DemoData.Result result = new DemoData(Duration.ofMillis(300), ClientCredentials.NONE).load("http://127.0.0.1:" + gateway.getAddress().getPort());

        assertThat(result.registered()).isEqualTo(20);
        assertThat(result.escalationSteps()).isZero();
        assertThat(result.failures()).hasSize(6).allSatisfy(f -> assertThat(f).endsWith("escalation not loaded"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    private void answer(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/contracts")) {
            String id = json.readTree(exchange.getRequestBody()).get("contractId").asText();
            boolean created = histories.putIfAbsent(id, ConcurrentHashMap.newKeySet()) == null;
            histories.get(id).add("ContractRegistered");
            reply(exchange, created ? 201 : 409, "{}");
            return;
        }
        Matcher step = CONTRACT_STEP.matcher(path);
        if (!step.matches() || !histories.containsKey(step.group(1))) {
            reply(exchange, 404, "{}");
            return;
        }
        Set<String> history = histories.get(step.group(1));
        if (step.group(2).equals("history")) {
            reply(exchange, 200, history.stream().map(type -> "{\"type\":\"" + type + "\"}")
                    .collect(Collectors.joining(",", "[", "]")));
            return;
        }
        assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).isEqualTo("application/json");
        history.add(STEP_EVENTS.get(step.group(2)));
        reply(exchange, 200, "{}");
    }

    /** Answers with a JSON body. */
    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
