package org.commissioning.stack.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.commissioning.identity.DemoUsers;
import org.commissioning.stack.DemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;

/**
 * NELFT's contract page in a real browser on the demo stack: its rating is the dashboard's, its scorecard has the
 * months rag-service rated, its charts are drawn (Chart.js under the pages' content security policy), and an
 * officer sees the actions an auditor does not.
 */
@ExtendWith(Browsers.class)
class ContractPageBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theOfficerSeesNelftsRatingScorecardAndChartsAsTheApiHasThem(Browsing browsing) throws Exception {
        String nelft = nelft();
        JsonNode row = api(browsing, DemoUsers.OFFICER, "/api/dashboard/contracts");
        JsonNode ratings = api(browsing, DemoUsers.OFFICER, "/api/ratings/contracts/" + nelft + "/ratings");
        String rag = null;
        for (JsonNode contract : row.isArray() ? row : row.path("contracts")) {
            if (contract.path("id").asText().equals(nelft)) {
                rag = contract.path("rag").asText();
            }
        }
        assertThat(rag).as("NELFT on the dashboard").isNotNull();

        Page page = browsing.signIn(DemoUsers.OFFICER, browsing.stack().gatewayUrl() + "/contracts/" + nelft);

        assertThat(page.locator("h1")).hasText("NELFT");
        assertThat(page.getByTestId("rating")).containsText(rag.charAt(0) + rag.substring(1).toLowerCase());
        assertThat(page.locator("[data-testid=scorecard] tbody tr").first()).isVisible();
        assertThat(ratings.toString()).contains("2018-");
        assertThat(page.locator("#contract-charts canvas").first()).isVisible();
        assertThat(page.getByTestId("officer-actions")).isVisible();
        Accessibility.assertNoWcagViolations(page);
        Screenshots.forReadme(page, "contract-page");
    }

    @Test
    void anAuditorSeesTheSameContractWithoutTheOfficersActions(Browsing browsing) throws Exception {
        Page page = browsing.signIn(DemoUsers.AUDITOR, browsing.stack().gatewayUrl() + "/contracts/" + nelft());

        assertThat(page.locator("h1")).hasText("NELFT");
        assertThat(page.getByTestId("scorecard")).isVisible();
        assertThat(page.getByTestId("officer-actions")).hasCount(0);
    }

    static String nelft() throws Exception {
        return new DemoData().registrations().stream()
                .filter(contract -> "NELFT".equals(contract.get("provider").asText()))
                .map(contract -> contract.get("contractId").asText())
                .findFirst().orElseThrow();
    }

    static JsonNode api(Browsing browsing, String user, String path) throws Exception {
        HttpRequest request = browsing.stack().stack().credentials(user)
                .authorize(HttpRequest.newBuilder(URI.create(browsing.stack().gatewayUrl() + path))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
