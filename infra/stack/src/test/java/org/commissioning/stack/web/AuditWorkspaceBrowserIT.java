package org.commissioning.stack.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.commissioning.identity.DemoUsers;
import org.commissioning.stack.PlatformBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

/**
 * The auditor's workspace in a real browser on the shared stack, checked against rag-service's API as the auditor
 * may call it. The class registers a contract of its own (the demo contracts' ratings are other classes' to assert):
 * county-wide, 2020-04 to 2022-03 (no deep-dive programme is open for those years), a one-KPI framework; an officer
 * overrides 2020-05 (AMBER), a return rates 2020-06 RED, and a correction of its value re-rates it GREEN. The
 * auditor finds the contract, sees its history as the API has it, picks an instant between the return's rating and
 * the correction and sees RED again, compares the two instants, and downloads the evidence pack.
 */
@ExtendWith(Browsers.class)
class AuditWorkspaceBrowserIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String KPI = PlatformBenchmark.KPI_CODE;

    /** The class's contract, corrected once; set up by the first test that needs it. */
    private static CorrectedContract corrected;

    /**
     * The contract, its months, and {@code between}: an instant (to the second, as the picker takes it) after 2020-06
     * was rated RED and before its correction was recorded.
     */
    record CorrectedContract(String id, String provider, Instant between) {
    }

    @Test
    void theAuditorFindsTheContractAndSeesItsHistoryOverridesAndChecksAsTheApiReportsThem(Browsing browsing)
            throws Exception {
        CorrectedContract contract = corrected(browsing);
        JsonNode history = ContractPageBrowserIT.api(browsing, DemoUsers.AUDITOR, ratings(contract.id(), null));
        JsonNode rederivation = ContractPageBrowserIT.api(browsing, DemoUsers.AUDITOR,
                "/api/ratings/contracts/" + contract.id() + "/rederivation");

        Page page = browsing.signIn(DemoUsers.AUDITOR, browsing.stack().gatewayUrl() + "/audit");
        page.getByLabel("Provider", new Page.GetByLabelOptions().setExact(true)).fill(contract.provider());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find contracts")).click();
        assertThat(page.getByTestId("contract-count")).hasText("1 contract");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(contract.provider())).click();

        assertThat(page).hasURL(browsing.stack().gatewayUrl() + "/audit/contracts/" + contract.id());
        assertThat(page.getByTestId("as-of")).hasText("now");
        assertThat(history.get("current").asText()).isEqualTo("GREEN");
        assertThat(page.getByTestId("current-rating")).hasText(history.get("current").asText());
        assertPeriodsAsTheApiHasThem(page, history);
        assertThat(page.getByText("Every rating recorded (" + history.get("ratings").size() + ")")).isVisible();
        assertThat(page.locator("[data-testid=ratings] tbody tr")).hasCount(history.get("ratings").size());

        assertThat(history.get("overrides")).hasSize(1);
        Locator overrides = page.locator("[data-testid=overrides] tbody tr");
        assertThat(overrides).hasCount(1);
        JsonNode override = history.get("overrides").get(0);
        assertThat(overrides.locator("th")).hasText(override.get("period").asText());
        assertThat(overrides.locator("td").nth(0)).hasText(override.get("rating").asText());
        assertThat(overrides.locator("td").nth(1)).hasText(override.get("computedRating").asText());
        assertThat(overrides.locator("td").nth(3)).hasText(override.get("rationale").asText());
        assertThat(overrides.locator("td").nth(4)).hasText(override.get("triggeredBy").asText());
        assertThat(override.get("triggeredBy").asText()).isEqualTo(DemoUsers.OFFICER);

        boolean rederives = rederivation.get("mismatches").isEmpty() && rederivation.get("underivable").isEmpty()
                && rederivation.get("projectionMismatches").isEmpty();
        assertThat(rederives).as("the contract's record re-derives: " + rederivation).isTrue();
        assertThat(summaryValue(page, "rederivation", "Result")).hasText("RE-DERIVES");
        assertThat(summaryValue(page, "rederivation", "Policy")).hasText(rederivation.get("policyVersion").asText());
        assertThat(summaryValue(page, "rederivation", "Stored events replayed"))
                .hasText(rederivation.get("replayed").asText());
        assertThat(summaryValue(page, "rederivation", "Ratings recomputed"))
                .hasText(rederivation.get("checked").asText());
        assertThat(page.getByTestId("rederivation-findings")).hasCount(0);
    }

    @Test
    void theAsOfPickerShowsTheRatingBeforeTheCorrectionAsTheApiHadItThen(Browsing browsing) throws Exception {
        CorrectedContract contract = corrected(browsing);
        JsonNode then = ContractPageBrowserIT.api(browsing, DemoUsers.AUDITOR,
                ratings(contract.id(), contract.between()));
        Page page = browsing.signIn(DemoUsers.AUDITOR,
                browsing.stack().gatewayUrl() + "/audit/contracts/" + contract.id());
        assertThat(page.getByTestId("current-rating")).hasText("GREEN");
        assertThat(page.locator("[data-period='2020-06'] td").first()).hasText("GREEN");

        page.getByLabel("Ratings as they stood at").fill(local(contract.between()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show ratings")).click();

        assertThat(page.getByTestId("as-of"))
                .hasText(SHOWN.format(contract.between().atZone(LONDON)) + " (Europe/London)");
        assertThat(then.get("current").asText()).isEqualTo("RED");
        assertThat(page.getByTestId("current-rating")).hasText("RED");
        assertThat(page.locator("[data-period='2020-06'] td").first()).hasText("RED");
        assertPeriodsAsTheApiHasThem(page, then);
        assertThat(page.locator("[data-testid=ratings] tbody tr")).hasCount(then.get("ratings").size());
        assertThat(page.getByLabel("Ratings as they stood at")).hasValue(local(contract.between()));
        Accessibility.assertNoWcagViolations(page);
    }

    @Test
    void aSummerTimePickIsReadInLondonTimeAndBeforeTheContractWasRatedShowsNoRating(Browsing browsing)
            throws Exception {
        CorrectedContract contract = corrected(browsing);
        LocalDateTime summerNoon = LocalDate.now(LONDON).minusYears(1).withMonth(7).withDayOfMonth(1).atTime(12, 0);
        Instant summer = summerNoon.atZone(LONDON).toInstant();
        assertThat(summer.toString()).as("noon in London is 11:00 UTC in summer").endsWith("T11:00:00Z");
        JsonNode then = ContractPageBrowserIT.api(browsing, DemoUsers.AUDITOR, ratings(contract.id(), summer));
        Page page = browsing.signIn(DemoUsers.AUDITOR,
                browsing.stack().gatewayUrl() + "/audit/contracts/" + contract.id());

        page.getByLabel("Ratings as they stood at").fill(local(summer));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show ratings")).click();

        assertThat(page.getByTestId("as-of")).hasText(SHOWN.format(summerNoon) + " (Europe/London)");
        assertThat(then.get("periods")).isEmpty();
        assertThat(page.getByTestId("current-rating")).hasText("NOT RATED");
        assertThat(page.getByText("No month had been rated by then.")).isVisible();
        // contract-service had no record of the contract then (its reading as of an instant is 404 before it), so
        // there is no pack as of then and its chain is not yet recorded
        assertThat(page.getByTestId("no-evidence-pack")).containsText("contract-service");
        assertThat(page.getByTestId("evidence-pack")).hasCount(0);
        assertThat(page.locator("[data-testid=chains] tbody tr").filter(new Locator.FilterOptions()
                .setHasText("contract-service held no record"))).containsText("NOT YET RECORDED");
    }

    @Test
    void aPickInTheFutureIsRefusedNextToThePicker(Browsing browsing) throws Exception {
        CorrectedContract contract = corrected(browsing);
        Page page = browsing.signIn(DemoUsers.AUDITOR,
                browsing.stack().gatewayUrl() + "/audit/contracts/" + contract.id());

        page.getByLabel("Ratings as they stood at").fill(local(Instant.now().plus(Duration.ofDays(2))));
        Response refused = page.waitForResponse(
                response -> response.url().contains("/audit/contracts/" + contract.id() + "?"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show ratings")).click());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.locator("#asOf-error")).containsText("must be now or in the past");
        assertThat(page.locator(".govuk-error-summary")).containsText("must be now or in the past");
        assertThat(page.getByTestId("as-of-summary")).hasCount(0);
    }

    @Test
    void theChainVerificationAndTheDownloadedPackAreThePacksAsOfThePickedInstant(Browsing browsing) throws Exception {
        CorrectedContract contract = corrected(browsing);
        Page page = browsing.signIn(DemoUsers.AUDITOR, browsing.stack().gatewayUrl() + "/audit/contracts/"
                + contract.id() + "?asOf=" + URLEncoder.encode(local(contract.between()), StandardCharsets.UTF_8));
        Map<String, byte[]> api = unzip(pack(browsing, contract.id(), contract.between()));

        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : api.entrySet()) {
            if (file.getKey().endsWith("/chain/verification.json")) {
                String context = file.getKey().substring(0, file.getKey().indexOf('/'));
                for (JsonNode stream : JSON.readTree(file.getValue()).get("streams")) {
                    expected.add(String.join(" | ", context, stream.get("stream").asText(),
                            stream.get("intact").asBoolean() ? "INTACT" : "BROKEN", stream.get("events").asText(),
                            stream.get("sealsChecked").asText()));
                }
            }
        }
        assertThat(expected).as("the pack's chain verifications").isNotEmpty()
                .allSatisfy(row -> assertThat(row).contains("INTACT"));
        List<String> shown = new ArrayList<>();
        for (Locator row : page.locator("[data-testid=chains] tbody tr").all()) {
            List<String> cells = row.locator("th, td").allInnerTexts();
            shown.add(String.join(" | ", cells.subList(0, 5)).trim());
        }
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);

        Download download = page.waitForDownload(() -> page.getByTestId("evidence-pack").click());
        Map<String, byte[]> downloaded = unzip(Files.readAllBytes(download.path()));
        JsonNode manifest = JSON.readTree(downloaded.get("manifest.json"));
        assertThat(download.suggestedFilename()).endsWith(".zip");
        assertThat(manifest.get("contractId").asText()).isEqualTo(contract.id());
        assertThat(Instant.parse(manifest.get("asOf").asText())).isEqualTo(contract.between());
        assertThat(downloaded.keySet()).as("the API's pack as of the same instant")
                .containsExactlyElementsOf(api.keySet());
        assertThat(downloaded.get("manifest.json")).isEqualTo(api.get("manifest.json"));
    }

    @Test
    void theDiffBetweenAnInstantBeforeTheCorrectionAndOneAfterShowsTheRatingAndValueItChanged(Browsing browsing)
            throws Exception {
        CorrectedContract contract = corrected(browsing);
        JsonNode now = ContractPageBrowserIT.api(browsing, DemoUsers.AUDITOR, ratings(contract.id(), null));
        String reason = period(now, "2020-06").get("reason").asText();
        Instant after = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Page page = browsing.signIn(DemoUsers.AUDITOR,
                browsing.stack().gatewayUrl() + "/audit/contracts/" + contract.id());

        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill(local(contract.between()));
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill(local(after));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();

        assertThat(page.getByTestId("changes-between")).hasText("From "
                + SHOWN.format(contract.between().atZone(LONDON)) + " to " + SHOWN.format(after.atZone(LONDON))
                + " (Europe/London)");
        List<String> changes = new ArrayList<>();
        for (Locator row : page.locator("[data-testid=changes] tbody tr").all()) {
            changes.add(String.join(" | ", row.locator("th, td").allInnerTexts()).trim());
        }
        assertThat(reason).contains(KPI).contains("70").contains("92");
        assertThat(changes).containsExactly(
                "Overall rating changed |  | Contract | RED | GREEN |",
                "Rating changed | 2020-06 | computed | RED (computed) | GREEN (computed) | " + reason,
                "KPI value changed | 2020-06 | " + KPI + " Phone calls screened and triaged within 24 working hours "
                        + "(PROVIDER) | 70 RED | 92 GREEN | " + reason);
    }

    /** Each month the API lists is a row of the page with the same rating, computed rating, basis and policy. */
    private static void assertPeriodsAsTheApiHasThem(Page page, JsonNode history) {
        assertThat(page.locator("[data-testid=periods] tbody tr")).hasCount(history.get("periods").size());
        for (JsonNode period : history.get("periods")) {
            Locator cells = page.locator("[data-period='" + period.get("period").asText() + "'] td");
            assertThat(cells.nth(0)).hasText(period.get("rating").asText());
            assertThat(cells.nth(1)).hasText(period.get("computedRating").asText());
            assertThat(cells.nth(2)).containsText(period.get("basis").asText());
            if (period.hasNonNull("rationale")) {
                assertThat(cells.nth(2)).containsText(period.get("rationale").asText());
            }
            if (period.hasNonNull("reason")) {
                assertThat(cells.nth(2)).containsText(period.get("reason").asText());
            }
            assertThat(cells.nth(3)).containsText(period.get("policyVersion").asText());
            for (JsonNode evidence : period.get("evidence")) {
                assertThat(cells.nth(4)).containsText(evidence.get("kpiCode").asText()
                        + (evidence.hasNonNull("name") ? " " + evidence.get("name").asText() : "") + ": "
                        + evidence.get("value").decimalValue().toPlainString());
                assertThat(cells.nth(4)).containsText(evidence.get("band").asText() + " band");
            }
        }
    }

    private static Locator summaryValue(Page page, String list, String key) {
        return page.locator("[data-testid=" + list + "] .govuk-summary-list__row")
                .filter(new Locator.FilterOptions().setHas(page.locator("dt", new Page.LocatorOptions()
                        .setHasText(key)))).locator("dd");
    }

    /**
     * What a {@code datetime-local} picker holds for {@code instant} in London, to the second: as Chromium normalises
     * it, without the seconds when they are 0 ({@code fill} refuses a value the input would change).
     */
    static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), LONDON).toString();
    }

    private static String ratings(String contractId, Instant asOf) {
        return "/api/ratings/contracts/" + contractId + "/ratings" + (asOf == null ? "" : "?asOf=" + asOf);
    }

    private static JsonNode period(JsonNode history, String period) {
        for (JsonNode p : history.get("periods")) {
            if (p.get("period").asText().equals(period)) {
                return p;
            }
        }
        throw new AssertionError("No " + period + " in " + history);
    }

    /**
     * The class's contract: registered, framework defined, 2020-05 overridden AMBER, 2020-06 returned at 70 (RED),
     * an instant picked after that rating, then the value corrected to 92 (GREEN); once, on the first call.
     */
    private static synchronized CorrectedContract corrected(Browsing browsing) throws Exception {
        if (corrected != null) {
            return corrected;
        }
        String provider = "Audit Trail Trust " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode registered = send(browsing, "POST", "/api/contracts", """
                {"provider":"%s","serviceArea":"EMOTIONAL_HEALTH_AND_WELLBEING","lot":{"scope":"COUNTY"},
                 "annualValueGbp":120000,"start":"2020-04-01","end":"2022-03-31"}""".formatted(provider), 201);
        String id = registered.get("contractId").asText();
        await().atMost(PATIENCE).until(() -> status(browsing, "/api/kpi/contracts/" + id) == 200
                && status(browsing, "/api/ratings/contracts/" + id) == 200);
        send(browsing, "PUT", "/api/kpi/contracts/" + id + "/framework",
                PlatformBenchmark.oneKpiFramework(YearMonth.of(2020, 4)), 201);
        send(browsing, "POST", "/api/ratings/contracts/" + id + "/periods/2020-05/override", """
                {"rating":"AMBER","rationale":"No return for May: amber on the provider's own account at the \
                review meeting"}""", 200);
        await().atMost(PATIENCE).until(() -> history(browsing, id).path("overrides").size() == 1);
        send(browsing, "POST", "/api/kpi/contracts/" + id + "/returns", """
                {"period":"2020-06","narrative":"Triage fell behind","values":[{"kpiCode":"%s","value":70}]}"""
                .formatted(KPI), 201);
        await().atMost(PATIENCE).until(() -> "RED".equals(history(browsing, id).path("current").asText()));
        Instant rated = Instant.parse(period(history(browsing, id), "2020-06").get("recordedAt").asText());
        Instant between = rated.truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        // the correction must be stored after the picked instant, which the picker gives to the second
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(between.plusSeconds(1)));
        send(browsing, "POST", "/api/kpi/contracts/" + id + "/returns/2020-06/corrections", """
                {"kpiCode":"%s","value":92,"reason":"The provider's system counted weekend calls twice"}"""
                .formatted(KPI), 201);
        await().atMost(PATIENCE).until(() -> "GREEN".equals(history(browsing, id).path("current").asText()));
        Instant recorrected = Instant.parse(period(history(browsing, id), "2020-06").get("recordedAt").asText());
        assertThat(recorrected).as("the correction's rating").isAfter(between);
        corrected = new CorrectedContract(id, provider, between);
        return corrected;
    }

    private static JsonNode history(Browsing browsing, String id) throws Exception {
        return ContractPageBrowserIT.api(browsing, DemoUsers.AUDITOR, ratings(id, null));
    }

    private static int status(Browsing browsing, String path) throws Exception {
        return HTTP.send(request(browsing, DemoUsers.OFFICER, path).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The officer's write through the gateway, which must answer {@code expected}. */
    private static JsonNode send(Browsing browsing, String method, String path, String body, int expected)
            throws Exception {
        HttpResponse<String> response = HTTP.send(request(browsing, DemoUsers.OFFICER, path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static byte[] pack(Browsing browsing, String id, Instant asOf) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request(browsing, DemoUsers.AUDITOR,
                "/api/audit/contracts/" + id + "/evidence-pack?asOf=" + asOf).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest.Builder request(Browsing browsing, String user, String path) throws Exception {
        return browsing.stack().stack().credentials(user)
                .authorize(HttpRequest.newBuilder(URI.create(browsing.stack().gatewayUrl() + path)));
    }

    /** The zip's entries by name, in the zip's order. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
