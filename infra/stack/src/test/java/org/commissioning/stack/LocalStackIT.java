package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.commissioning.embedded.KafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform as a user runs it: the launcher starts the broker and the database in this JVM and the five
 * services as processes from their executable jars (built by the package phase, so run with ./mvnw verify).
 */
class LocalStackIT {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path data;
    LocalStack stack;

    @BeforeAll
    static void requireBuiltServices() {
        for (String service : List.of("contract-service", "kpi-service", "rag-service", "deepdive-service", "gateway")) {
            Path jar = ROOT.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
            assertThat(jar).as("executable jar of " + service + " (run ./mvnw verify, which packages before this test)")
                    .exists();
        }
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void loadsTheDemoContractsShowsANewRegistrationAndKeepsEverythingAcrossARestart() throws Exception {
        StackOptions options = freePorts(StackOptions.defaults().withRoot(ROOT).withDataDir(data));
        stack = start(options);
        assertThat(stack.loadDemoData()).startsWith("demo data: 19 contracts registered, 0 already there")
                .contains("11 monthly KPI returns of 2018-19 submitted").doesNotContain("failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard().size() == 19);
        String nelft = dashboard().stream().filter(r -> r.get("provider").asText().equals("NELFT")).findFirst()
                .orElseThrow().get("id").asText();
        assertThat(get(options.kpiPort(), "/api/kpi/contracts/" + nelft + "/returns/2018-10").statusCode()).isEqualTo(200);
        String sk8side = dashboard().stream().filter(r -> r.get("provider").asText().equals("Sk8side")).findFirst()
                .orElseThrow().get("id").asText();
        JsonNode contract = json.readTree(get(options.gatewayPort(), "/api/contracts/" + sk8side).body());
        assertThat(contract.get("status").asText()).isEqualTo("RECOMMISSIONED");
        assertThat(contract.at("/recommissioning/route").asText()).isEqualTo("MINI_PROCUREMENT");
        List<String> history = historyTypes(options, sk8side);
        assertThat(history).containsExactly("ContractRegistered", "ContractWarningIssued", "ContractTerminated",
                "ContractRecommissioned");
        await().atMost(Duration.ofSeconds(20)).until(() -> dashboard().stream()
                .anyMatch(r -> r.get("id").asText().equals(sk8side) && r.get("status").asText().equals("RECOMMISSIONED")));

        String id = register("Brand New Youth Trust", "Dover");
        await().atMost(Duration.ofSeconds(10)).until(() -> dashboardIds().contains(id));
        JsonNode row = dashboard().stream().filter(r -> r.get("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(row.get("provider").asText()).isEqualTo("Brand New Youth Trust");
        assertThat(row.get("districts").toString()).isEqualTo("[\"Dover\"]");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get(options.kpiPort(), "/api/kpi/contracts/" + id).statusCode()).isEqualTo(200);
            assertThat(get(options.ragPort(), "/api/ratings/contracts/" + id).statusCode()).isEqualTo(200);
            assertThat(get(options.deepdivePort(), "/api/deepdives/contracts/" + id).statusCode()).isEqualTo(200);
        });

        stack.close();
        stack = start(options);

        assertThat(stack.loadDemoData()).startsWith("demo data: 0 contracts registered, 19 already there")
                .contains("0 monthly KPI returns").doesNotContain("failed");
        assertThat(historyTypes(options, sk8side)).as("the escalation steps are not taken again").hasSize(history.size());
        assertThat(dashboardIds()).hasSize(20).contains(id);
        assertThat(get(options.gatewayPort(), "/api/contracts/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void publishesARegistrationMadeWhileTheBrokerWasDownOnceTheBrokerIsBack() throws Exception {
        StackOptions options = freePorts(StackOptions.defaults().withRoot(ROOT).withDataDir(data));
        stack = start(options);
        String first = register("Before The Outage", "Thanet");
        await().atMost(Duration.ofSeconds(10)).until(() -> dashboardIds().contains(first));

        KafkaBroker kafka = stack.kafka();
        kafka.stop();
        String id = register("During The Outage", "Swale");
        kafka.start();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> dashboardIds().contains(id));
        assertThat(dashboardIds()).containsOnlyOnce(id).hasSize(2);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get(options.kpiPort(), "/api/kpi/contracts/" + id).statusCode() == 200);
    }

    private LocalStack start(StackOptions options) throws Exception {
        LocalStack started = new LocalStack(options);
        try {
            started.start();
        } catch (Exception e) {
            started.close();
            throw e;
        }
        return started;
    }

    private String register(String provider, String district) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/contracts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"provider":"%s","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["%s"]},
                         "annualValueGbp":90000,"start":"2018-04-01","end":"2021-03-31"}""".formatted(provider, district)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("contractId").asText();
    }

    private List<JsonNode> dashboard() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.gatewayUrl() + "/api/dashboard/contracts")).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> rows = new ArrayList<>();
        json.readTree(response.body()).forEach(rows::add);
        return rows;
    }

    private List<String> dashboardIds() throws Exception {
        return dashboard().stream().map(r -> r.get("id").asText()).toList();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<String> historyTypes(StackOptions options, String id) throws Exception {
        List<String> types = new ArrayList<>();
        json.readTree(get(options.gatewayPort(), "/api/contracts/" + id + "/history").body())
                .forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static StackOptions freePorts(StackOptions options) {
        return options.withPorts(KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(),
                KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(),
                KafkaBroker.freePort());
    }

}
