package org.commissioning.stack.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commissioning.identity.DemoUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The deep-dive programme page (Fig. 1 of the council's report) in a real browser on the shared stack: its rows and
 * totals are deepdive-service's programme table ({@code GET /api/deepdives/programmes/2018}) for the same person.
 * Other classes may register contracts that join the 2018 programme while this runs, and the gateway's projection
 * follows deepdive-service a moment behind, so each comparison is retried until the two agree.
 */
@ExtendWith(Browsers.class)
class DeepDiveProgrammeBrowserIT {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {DemoUsers.AUDITOR, DemoUsers.NELFT})
    void theProgrammesRowsAndTotalsAreDeepdiveServicesForTheSamePerson(String user, Browsing browsing) {
        Page page = browsing.signIn(user, browsing.stack().gatewayUrl() + "/deep-dives?year=2018");
        assertThat(page.locator("h1")).containsText("2018-19");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode api = ContractPageBrowserIT.api(browsing, user, "/api/deepdives/programmes/2018");
            page.reload();
            assertThat(shownRows(page)).containsExactlyInAnyOrderElementsOf(expectedRows(browsing, user, api));
            JsonNode totals = api.get("totals");
            assertThat(page.getByTestId("total-rows")).hasText(totals.get("deepDives").asText());
            assertThat(page.getByTestId("total-complete")).hasText(totals.get("complete").asText());
            assertThat(page.getByTestId("total-overdue")).hasText(totals.get("overdue").asText());
            // the page's pending are those neither overdue nor finished; deepdive-service's count the overdue too
            assertThat(Integer.parseInt(page.getByTestId("total-pending").innerText())
                    + totals.get("overdue").asInt()).isEqualTo(totals.get("pending").asInt());
            assertThat(page.getByTestId("total-cancelled")).hasText(totals.get("cancelled").asText());
            assertThat(page.getByTestId("total-percent"))
                    .hasText(totals.get("percentComplete").decimalValue().setScale(1).toPlainString());
        });
        if (DemoUsers.NELFT.equals(user)) {
            assertThat(page.locator("[data-testid=programme] tbody th").allInnerTexts()).isNotEmpty()
                    .allSatisfy(provider -> assertThat(provider).isEqualTo("NELFT"));
        }
    }

    @Test
    void theProgrammePageHasNoWcagViolationsAxeCanFind(Browsing browsing) {
        Page page = browsing.signIn(DemoUsers.AUDITOR, browsing.stack().gatewayUrl() + "/deep-dives?year=2018");

        assertThat(page.getByTestId("programme")).isVisible();
        Accessibility.assertNoWcagViolations(page);
    }

    /** Each row of the page: contract, provider, districts, status, due date, grade. */
    private static List<String> shownRows(Page page) {
        List<String> rows = new ArrayList<>();
        for (Locator row : page.locator("[data-testid=programme] tbody tr[data-contract]").all()) {
            List<String> cells = row.locator("th, td").allInnerTexts();
            rows.add(String.join(" | ", row.getAttribute("data-contract"), cells.get(0), cells.get(2), cells.get(3),
                    cells.get(4), cells.get(5)).trim());
        }
        return rows;
    }

    /**
     * deepdive-service's rows as the page words them; the districts column as the gateway's API has it (county-wide
     * for a county lot, which deepdive-service does not know).
     */
    private static List<String> expectedRows(Browsing browsing, String user, JsonNode api) throws Exception {
        Map<String, String> districts = new HashMap<>();
        for (JsonNode row : ContractPageBrowserIT.api(browsing, user, "/api/dashboard/deepdives?year=2018")
                .get("rows")) {
            List<String> names = new ArrayList<>();
            row.get("districts").forEach(name -> names.add(name.asText()));
            districts.put(row.get("contractId").asText(),
                    "COUNTY".equals(row.get("lotScope").asText()) ? "County-wide" : String.join(", ", names));
        }
        List<String> rows = new ArrayList<>();
        for (JsonNode row : api.get("rows")) {
            String grade = row.hasNonNull("grade") ? words(row.get("grade").asText())
                    : row.get("historic").asBoolean() ? "None (historic record)" : "";
            String due = row.hasNonNull("dueDate") ? SHOWN.format(LocalDate.parse(row.get("dueDate").asText())) : "";
            rows.add(String.join(" | ", row.get("contractId").asText(), row.get("provider").asText(),
                    districts.get(row.get("contractId").asText()), words(row.get("status").asText()), due, grade)
                    .trim());
        }
        return rows;
    }

    /** {@code IN_PROGRESS} as the page words it: {@code In progress}. */
    private static String words(String constant) {
        String spaced = constant.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
