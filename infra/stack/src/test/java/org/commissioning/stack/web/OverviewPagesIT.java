package org.commissioning.stack.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;

import org.commissioning.identity.DemoUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

/**
 * The county overview and the rating table in a real browser on the demo stack, checked against the API the same
 * person may call: every count on the page is the API's, for the same filters.
 */
@ExtendWith(Browsers.class)
class OverviewPagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theOfficersOverviewCountsWhatTheApiCounts(Browsing browsing) throws Exception {
        JsonNode api = api(browsing, DemoUsers.OFFICER, "/api/dashboard/overview?year=2018");

        Page page = browsing.signIn(DemoUsers.OFFICER, browsing.stack().gatewayUrl() + "/?year=2018");

        assertThat(page.locator("h1")).hasText("County overview");
        assertThat(page.getByTestId("contract-count")).containsText(api.get("contracts").asText() + " contracts");
        for (Iterator<Map.Entry<String, JsonNode>> rag = api.get("byRag").fields(); rag.hasNext(); ) {
            Map.Entry<String, JsonNode> count = rag.next();
            assertThat(page.locator("[data-rag=" + count.getKey() + "]")).hasText(count.getValue().asText());
        }
        assertThat(page.locator("[data-district]")).hasCount(12);
        assertThat(page.getByTestId("deep-dive-progress"))
                .containsText(api.at("/deepDives/complete").asText() + " complete");
        assertThat(api.at("/deepDives/complete").asInt()).as("the demo's programme of Fig. 1").isGreaterThan(0);
        Accessibility.assertNoWcagViolations(page);
        Screenshots.forReadme(page, "overview");
    }

    @Test
    void aFilterNarrowsTheOverviewAsItNarrowsTheApi(Browsing browsing) throws Exception {
        JsonNode api = api(browsing, DemoUsers.AUDITOR, "/api/dashboard/overview?area=West");
        Page page = browsing.signIn(DemoUsers.AUDITOR);

        page.getByLabel("Area", new Page.GetByLabelOptions().setExact(true)).selectOption("West");
        page.getByText("Apply filters").click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*area=West.*"));
        assertThat(page.getByTestId("contract-count")).containsText(api.get("contracts").asText() + " contract");
    }

    @Test
    void theRatingTableListsTheApisRowsSortsByAHeadingAndDownloadsThemAsCsv(Browsing browsing) throws Exception {
        JsonNode api = api(browsing, DemoUsers.VIEWER, "/api/dashboard/rating-table?sort=rag,desc");
        Page page = browsing.signIn(DemoUsers.VIEWER, browsing.stack().gatewayUrl() + "/ratings");

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Overall rating").setExact(true)).click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Overall rating").setExact(true)).click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sort=rag,desc.*"));
        assertThat(page.locator("[data-testid=rating-table] tbody tr")).hasCount(api.get("rows").size());
        assertThat(page.locator("[data-testid=rating-table] tbody tr").first())
                .hasAttribute("data-contract", api.at("/rows/0/contractId").asText());
        // before the download: a focused link has GOV.UK's focus style (no underline, which axe would flag)
        Accessibility.assertNoWcagViolations(page);
        Download csv = page.waitForDownload(() -> page.getByText("CSV", new Page.GetByTextOptions().setExact(true))
                .click());
        assertThat(csv.suggestedFilename()).startsWith("rating-table-").endsWith(".csv");
    }

    private static JsonNode api(Browsing browsing, String user, String path) throws Exception {
        HttpRequest request = browsing.stack().stack().credentials(user)
                .authorize(HttpRequest.newBuilder(URI.create(browsing.stack().gatewayUrl() + path))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
