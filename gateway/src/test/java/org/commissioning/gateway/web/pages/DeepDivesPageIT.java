package org.commissioning.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDiveOverdue;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.SignInAndOwners;
import org.commissioning.gateway.support.WebSession;
import org.commissioning.identity.DemoUsers;
import org.commissioning.testsupport.EventSender;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deep-dive programme page, {@code /deep-dives?year=}, signed in at the real issuer: Fig. 1's columns and totals
 * exactly as the use case counts them (its JSON, {@code GET /api/dashboard/deepdives?year=}, asked with the same
 * person's token), a provider's staff seeing their own contracts only, a year that is not a programme year shown next
 * to the field, and the table's live region.
 */
@TestPropertySource(properties = "platform.security.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDivesPageIT extends GatewayITSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final int YEAR = 2019;

    @RegisterExtension
    static final SignInAndOwners GATEWAY = SignInAndOwners.start("gateway-deep-dives-issuer");

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        GATEWAY.register(registry);
    }

    @Autowired
    EmbeddedKafkaBroker kafka;

    private final String nelft = UUID.randomUUID().toString();
    private final String sk8side = UUID.randomUUID().toString();
    private final String porchlight = UUID.randomUUID().toString();

    @BeforeAll
    void aProgrammeOfThreeDeepDives() {
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS,
                ContractEvents.registered(nelft, "NELFT", "EMOTIONAL_HEALTH_AND_WELLBEING",
                        ContractEvents.district("West", "Maidstone"), new BigDecimal("250000.00")),
                ContractEvents.sk8side(sk8side, new BigDecimal("120000.00")),
                ContractEvents.registered(porchlight, "Porchlight", "YOUTH",
                        ContractEvents.district("East", "Canterbury"), new BigDecimal("90000.00")));
        EventSender.send(kafka.getBrokersAsString(), Topics.DEEPDIVES, planned(nelft), planned(sk8side),
                planned(porchlight),
                deepDive(sk8side, 2, new DeepDiveCompleted(sk8side, YEAR, LocalDate.of(YEAR, 5, 25), "GOOD", "GOOD",
                        null, List.of(), List.of(), List.of(), List.of(), false, false, null)),
                deepDive(porchlight, 2, new DeepDiveOverdue(porchlight, YEAR, LocalDate.of(YEAR, 5, 31))));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode programme = programme(DemoUsers.OFFICER);
            assertThat(programme.get("rows")).hasSize(3);
            assertThat(programme.get("complete").asInt()).isEqualTo(1);
            assertThat(programme.get("overdue").asInt()).isEqualTo(1);
        });
    }

    @Test
    void showsTheProgrammesColumnsAndTotalsAsTheUseCaseCountsThem() throws Exception {
        JsonNode expected = programme(DemoUsers.OFFICER);

        HttpResponse<String> response = signedIn(DemoUsers.OFFICER, "officer-secret").get("/deep-dives?year=" + YEAR);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).contains(expected.get("financialYear").asText());
        assertThat(page.select("#year").val()).isEqualTo(String.valueOf(YEAR));
        assertTotals(page, expected);
        List<Element> rows = page.select("[data-testid=programme] tbody tr");
        assertThat(rows).extracting(row -> row.attr("data-contract"))
                .containsExactlyElementsOf(texts(expected.get("rows"), "contractId"));
        Element sk8 = page.selectFirst("tr[data-contract=" + sk8side + "]");
        assertThat(sk8.select("th[scope=row]").text()).isEqualTo("Sk8side");
        assertThat(sk8.select("[data-testid=status]").text()).isEqualTo("Complete");
        assertThat(sk8.select("[data-testid=status]").hasClass("govuk-tag--green")).isTrue();
        assertThat(sk8.select("td").eachText()).contains("Youth", "Ashford", "Good", "25 May " + YEAR);
        Element overdue = page.selectFirst("tr[data-contract=" + porchlight + "]");
        assertThat(overdue.select("[data-testid=status]").text()).isEqualTo("Overdue");
        assertThat(overdue.select("[data-testid=status]").hasClass("govuk-tag--red")).isTrue();
        assertThat(page.select("th[scope=col]").eachText()).contains("Provider", "District", "Status", "Due",
                "Grade", "Complete", "Pending", "Overdue", "Cancelled");
    }

    @Test
    void showsAProvidersStaffTheirOwnDeepDiveAndTotalsOnly() throws Exception {
        JsonNode expected = programme(DemoUsers.NELFT);

        Document page = Jsoup.parse(signedIn(DemoUsers.NELFT, "nelft-secret").get("/deep-dives?year=" + YEAR).body());

        assertThat(page.select("[data-testid=programme] tbody tr")).extracting(row -> row.attr("data-contract"))
                .containsExactly(nelft);
        assertTotals(page, expected);
        assertThat(page.select("[data-testid=total-rows]").text()).isEqualTo("1");
        assertThat(page.text()).doesNotContain("Sk8side").doesNotContain("Porchlight");
    }

    @Test
    void showsAYearThatIsNotAProgrammeYearNextToTheFieldWithA400() throws Exception {
        HttpResponse<String> response = signedIn(DemoUsers.VIEWER, "viewer-secret").get("/deep-dives?year=2018-19");

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".govuk-error-summary a[href=#year]").text()).contains("2018-19");
        assertThat(page.select(".govuk-form-group--error #year-error").text()).contains("from 2000 to 2100");
        assertThat(page.select("#year").val()).as("the value typed, kept").isEqualTo("2018-19");
        assertThat(page.select("[data-testid=programme]")).isEmpty();
    }

    @Test
    void fetchesTheTableAgainWhenTheDashboardChangesAndServesItAlone() throws Exception {
        WebSession session = signedIn(DemoUsers.AUDITOR, "auditor-secret");
        Document page = Jsoup.parse(session.get("/deep-dives?year=" + YEAR).body());
        Element region = page.selectFirst("#deep-dive-programme");

        assertThat(region.attr("hx-trigger")).startsWith("sse:dashboard");
        assertThat(region.attr("hx-get")).isEqualTo("/deep-dives/fragments/programme?year=" + YEAR);
        assertThat(page.selectFirst("body").attr("sse-connect")).isEqualTo("/events");
        HttpResponse<String> fragment = session.htmx("GET", region.attr("hx-get"));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"deep-dive-programme\"");
        assertTotals(Jsoup.parse(fragment.body()), programme(DemoUsers.AUDITOR));
    }

    private static void assertTotals(Document page, JsonNode expected) {
        assertThat(page.select("[data-testid=total-complete]").text()).isEqualTo(expected.get("complete").asText());
        assertThat(page.select("[data-testid=total-pending]").text()).isEqualTo(expected.get("pending").asText());
        assertThat(page.select("[data-testid=total-overdue]").text()).isEqualTo(expected.get("overdue").asText());
        assertThat(page.select("[data-testid=total-cancelled]").text())
                .isEqualTo(expected.get("cancelled").asText());
        assertThat(new BigDecimal(page.select("[data-testid=total-percent]").text()))
                .isEqualByComparingTo(expected.get("percentComplete").decimalValue());
        assertThat(page.select("[data-testid=total-rows]").text())
                .isEqualTo(String.valueOf(expected.get("rows").size()));
    }

    private WebSession signedIn(String user, String password) throws Exception {
        WebSession session = new WebSession(port);
        session.signIn(user, password);
        return session;
    }

    private JsonNode programme(String user) throws Exception {
        ResponseEntity<String> response = http().get().uri("/api/dashboard/deepdives?year=" + YEAR)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GATEWAY.token(user)).retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private static IntegrationEvent<?> planned(String id) {
        return deepDive(id, 1, new DeepDivePlanned(id, YEAR, LocalDate.of(YEAR, 5, 31), "ignored", List.of()));
    }

    private static IntegrationEvent<?> deepDive(String id, long sequence, Object data) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), Context.DEEPDIVES.source(), id,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), sequence, "officer.jones", UUID.randomUUID().toString(),
                data);
    }
}
