package org.commissioning.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.OwnerStub;
import org.commissioning.gateway.support.OwnerStub.Received;
import org.commissioning.gateway.support.StubbedOwners;
import org.commissioning.identity.LocalIssuer;
import org.commissioning.platform.security.SecurityProblems;
import org.commissioning.testsupport.DocumentedApiContract;
import org.commissioning.testsupport.EventSender;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The gateway with security on, against the local issuer, in front of real HTTP servers standing in for the owners:
 * it checks the caller's token itself (a request without a valid one never reaches an owner), relays it to the owner
 * as the client sent it, and shows each caller only the dashboard rows, and totals, of the contracts it may see.
 * The integrators' docs need no token: the gateway's own OpenAPI description ({@link DocumentedApiContract}), each
 * owner's, and the one Swagger UI that lists them all.
 */
@TestPropertySource(properties = "platform.security.enabled=true")
class GatewaySecurityIT extends GatewayITSupport implements DocumentedApiContract {

    static final Duration WAIT = Duration.ofSeconds(30);
    @AutoClose
    static final LocalIssuer issuer = LocalIssuer.startInTemporaryDirectory("gateway-issuer");

    @RegisterExtension
    static final StubbedOwners OWNERS = StubbedOwners.oneEach();

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
        OWNERS.register(registry);
    }

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Test
    void servesEveryOwnersApiDocsAndOneSwaggerUiListingThemWithoutAToken() throws Exception {
        List<String> urls = new ArrayList<>(List.of("/v3/api-docs"));
        for (OwnerStub owner : List.of(OWNERS.contract(), OWNERS.kpi(), OWNERS.rag(), OWNERS.deepdive())) {
            String url = OwnerRoutes.OWNER_API_DOCS + owner.name();
            urls.add(url);

            ResponseEntity<String> docs = get(url);

            assertThat(docs.getStatusCode().value()).as(docs.getBody()).isEqualTo(200);
            assertThat(body(docs).get("owner").asText()).isEqualTo(owner.name());
            assertThat(owner.last("/v3/api-docs").method()).isEqualTo("GET");
        }
        JsonNode config = body(get("/v3/api-docs/swagger-config"));
        assertThat(config.get("urls").findValuesAsText("url")).containsExactlyInAnyOrderElementsOf(urls);
        ResponseEntity<String> ui = get("/swagger-ui/index.html");
        assertThat(ui.getStatusCode().value()).isEqualTo(200);
        assertThat(ui.getBody()).contains("swagger-ui");
        assertThat(get("/api/dashboard/contracts").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aProviderSeesOnlyItsOwnContractsOnTheDashboardAndInItsTotalsAndAnOfficerSeesAll() throws Exception {
        String nelft = UUID.randomUUID().toString();
        String sk8side = UUID.randomUUID().toString();
        registerNelftAndSk8side(nelft, sk8side);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(ids(dashboard("officer.jones"))).contains(nelft, sk8side));

        List<JsonNode> providersRows = dashboard("provider.nelft");
        assertThat(ids(providersRows)).contains(nelft).doesNotContain(sk8side);
        assertThat(providersRows).extracting(row -> row.get("provider").asText()).containsOnly("NELFT");
        assertTotalsCount(providersRows, summary("provider.nelft"));

        List<JsonNode> officersRows = dashboard("officer.jones");
        assertTotalsCount(officersRows, summary("officer.jones"));
        assertThat(officersRows).hasSizeGreaterThan(providersRows.size());
        assertThat(ids(dashboard("viewer.patel"))).containsExactlyElementsOf(ids(officersRows));
    }

    @Test
    void aProviderSeesOnlyItsOwnContractsInTheDeepDiveProgrammeAndItsTotals() throws Exception {
        String nelft = UUID.randomUUID().toString();
        String sk8side = UUID.randomUUID().toString();
        registerNelftAndSk8side(nelft, sk8side);
        EventSender.send(kafka.getBrokersAsString(), Topics.DEEPDIVES, planned(nelft, 2017), planned(sk8side, 2017));
        await().atMost(WAIT).untilAsserted(() -> assertThat(programme("officer.jones").get("pending").asInt())
                .isEqualTo(2));

        JsonNode providers = programme("provider.nelft");
        assertThat(texts(providers.get("rows"), "contractId")).containsExactly(nelft);
        assertThat(providers.get("pending").asInt()).isEqualTo(1);
        assertThat(texts(programme("viewer.patel").get("rows"), "contractId")).containsExactlyInAnyOrder(nelft, sk8side);
    }

    @Test
    void aProviderSeesOnlyItsOwnContractsInTheOverviewTheRatingTableAndItsExports() throws Exception {
        String nelft = UUID.randomUUID().toString();
        String sk8side = UUID.randomUUID().toString();
        registerNelftAndSk8side(nelft, sk8side);
        await().atMost(WAIT).untilAsserted(() -> assertThat(texts(ratingTable("viewer.patel").get("rows"),
                "contractId")).contains(nelft, sk8side));

        JsonNode table = ratingTable("provider.nelft");
        assertThat(texts(table.get("rows"), "contractId")).contains(nelft).doesNotContain(sk8side);
        assertThat(texts(table.get("rows"), "provider")).containsOnly("NELFT");
        JsonNode overview = body(as("provider.nelft", "/api/dashboard/overview"));
        assertThat(overview.get("contracts").asInt()).isEqualTo(dashboard("provider.nelft").size())
                .isEqualTo(table.get("rows").size());
        assertThat(overview.get("grid").findValuesAsText("provider")).containsOnly("NELFT");
        assertThat(overview.get("grid").findValuesAsText("contractId")).contains(nelft).doesNotContain(sk8side);
        assertThat(body(as("viewer.patel", "/api/dashboard/overview")).get("grid").findValuesAsText("contractId"))
                .contains(nelft, sk8side);

        ResponseEntity<String> csv = as("provider.nelft", "/api/dashboard/rating-table.csv");
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines).hasSize(1 + table.get("rows").size());
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).startsWith("NELFT,"));
        assertThat(csv.getBody()).contains(nelft).doesNotContain(sk8side);
        ResponseEntity<byte[]> xlsx = http().get().uri("/api/dashboard/rating-table.xlsx")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("provider.nelft")).retrieve().toEntity(byte[].class);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            List<String> contracts = workbook.getFirstSheet().read().stream().skip(1)
                    .map(row -> row.getCellText(row.getCellCount() - 1)).toList();
            assertThat(contracts).containsExactlyElementsOf(texts(table.get("rows"), "contractId"));
        }
    }

    private JsonNode ratingTable(String user) throws Exception {
        ResponseEntity<String> response = as(user, "/api/dashboard/rating-table");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return body(response);
    }

    private void registerNelftAndSk8side(String nelft, String sk8side) {
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS,
                ContractEvents.registered(nelft, "NELFT", "EMOTIONAL_HEALTH_AND_WELLBEING",
                        ContractEvents.district("West", "Maidstone"), new BigDecimal("250000.00")),
                ContractEvents.sk8side(sk8side, new BigDecimal("120000.00")));
    }

    private static IntegrationEvent<?> planned(String id, int year) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), Context.DEEPDIVES.source(), id, Instant.now(), 1,
                "officer.jones", UUID.randomUUID().toString(),
                new DeepDivePlanned(id, year, LocalDate.of(year, 6, 30), "ignored", List.of()));
    }

    private JsonNode programme(String user) throws Exception {
        ResponseEntity<String> response = as(user, "/api/dashboard/deepdives?year=2017");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    @Test
    void refusesTheDashboardToACallerWithoutATokenOrWithoutThePermission() throws Exception {
        for (String path : List.of("/api/dashboard/contracts", "/api/dashboard/summary",
                "/api/dashboard/deepdives?year=2018", "/api/dashboard/deepdives?year=not-a-year",
                "/api/dashboard/overview", "/api/dashboard/overview?area=Atlantis", "/api/dashboard/rating-table",
                "/api/dashboard/rating-table?sort=colour", "/api/dashboard/rating-table.csv",
                "/api/dashboard/rating-table.xlsx?rag=PURPLE")) {
            ResponseEntity<String> anonymous = get(path);
            assertThat(problem(anonymous, 401).get("type").asText()).endsWith("/" + SecurityProblems.UNAUTHENTICATED);
            assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
            assertThat(problem(as("operator.lee", path), 403).get("type").asText())
                    .endsWith("/" + SecurityProblems.FORBIDDEN);
        }
    }

    @Test
    void relaysTheCallersOwnTokenToEachOwnerAndNotTheActorTheClientClaims() {
        Map<String, OwnerStub> owners = Map.of(
                "/api/contracts/2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10", OWNERS.contract(),
                "/api/kpi/contracts/2f0c5a4e/returns/2018-05", OWNERS.kpi(),
                "/api/ratings/contracts/2f0c5a4e/ratings", OWNERS.rag(),
                "/api/deepdives/contracts", OWNERS.deepdive());
        String token = token("provider.nelft");

        owners.forEach((path, owner) -> {
            ResponseEntity<String> response = http().get().uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header("X-Actor", "officer.jones")
                    .retrieve().toEntity(String.class);

            assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
            Received received = owner.last(path);
            assertThat(received.header(HttpHeaders.AUTHORIZATION)).as(path).isEqualTo("Bearer " + token);
            assertThat(received.header("X-Actor")).as(path).isNull();
        });

        ResponseEntity<String> posted = http().post().uri("/api/contracts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body("{\"provider\":\"NELFT\"}").retrieve().toEntity(String.class);
        assertThat(posted.getStatusCode().value()).isEqualTo(201);
        assertThat(OWNERS.contract().last("/api/contracts").header(HttpHeaders.AUTHORIZATION))
                .isEqualTo("Bearer " + token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-token"})
    void refusesAProxiedRequestWithoutAValidTokenItselfWithoutReachingTheOwner(String token) throws Exception {
        int before = received();

        for (String path : List.of("/api/contracts", "/api/kpi/contracts", "/api/ratings/contracts",
                "/api/deepdives/contracts")) {
            var request = http().get().uri(path);
            if (!token.isEmpty()) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            ResponseEntity<String> refused = request.retrieve().toEntity(String.class);
            assertThat(problem(refused, 401).get("type").asText()).as(path)
                    .endsWith("/" + SecurityProblems.UNAUTHENTICATED);
        }
        ResponseEntity<String> post = http().post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON)
                .body("{\"provider\":\"NELFT\"}").retrieve().toEntity(String.class);
        problem(post, 401);

        assertThat(received()).as("requests that reached an owner").isEqualTo(before);
    }

    private static void assertTotalsCount(List<JsonNode> rows, JsonNode summary) {
        assertThat(summary.get("contracts").asLong()).isEqualTo(rows.size());
        BigDecimal total = rows.stream().map(row -> row.get("annualValueGbp"))
                .filter(value -> !value.isNull()).map(JsonNode::decimalValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(summary.get("totalAnnualValueGbp").decimalValue()).isEqualByComparingTo(total);
        long rated = 0;
        for (JsonNode count : summary.get("byRag")) {
            rated += count.asLong();
        }
        assertThat(rated).as("byRag adds up to the contracts").isEqualTo(rows.size());
    }

    private List<JsonNode> dashboard(String user) throws Exception {
        ResponseEntity<String> response = as(user, "/api/dashboard/contracts");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        body(response).forEach(rows::add);
        return rows;
    }

    private JsonNode summary(String user) throws Exception {
        ResponseEntity<String> response = as(user, "/api/dashboard/summary");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return body(response);
    }

    private ResponseEntity<String> as(String user, String path) {
        return http().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token(user))
                .retrieve().toEntity(String.class);
    }

    private static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(row -> row.get("id").asText()).toList();
    }

    private static int received() {
        return OWNERS.contract().received().size() + OWNERS.kpi().received().size()
                + OWNERS.rag().received().size() + OWNERS.deepdive().received().size();
    }

    private static String token(String user) {
        return issuer.accessToken(user);
    }
}
