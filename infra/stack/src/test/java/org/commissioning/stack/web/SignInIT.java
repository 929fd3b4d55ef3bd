package org.commissioning.stack.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.commissioning.identity.DemoUsers;
import org.commissioning.stack.DemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

/**
 * People sign in to the gateway's pages in a real browser: the gateway sends them to the issuer's login form, they
 * sign in there with their demo password and land back on the gateway, which names them in its header.
 */
@ExtendWith(Browsers.class)
class SignInIT {

    @ParameterizedTest(name = "{0} lands on {2} as {1}")
    @CsvSource({
            DemoUsers.OFFICER + ", Sam Jones, /",
            DemoUsers.NELFT + ", Priya Shah (NELFT), /provider",
            DemoUsers.AUDITOR + ", Aisha Khan (internal audit), /"})
    void aPersonSignsInAtTheIssuerAndTheGatewayNamesThem(String user, String name, String landing, Browsing browsing) {
        Page page = browsing.signIn(user);

        URI at = URI.create(page.url());
        assertThat(at.getScheme() + "://" + at.getAuthority()).isEqualTo(browsing.stack().gatewayUrl());
        assertThat(at.getPath()).isEqualTo(landing);
        assertThat(page.getByTestId("signed-in")).containsText(name);
    }

    @Test
    void theOfficersHomePageHasNoWcagViolationsAxeCanFind(Browsing browsing) {
        Page home = browsing.signIn(DemoUsers.OFFICER);

        Accessibility.assertNoWcagViolations(home);
    }

    @Test
    void aWrongPasswordKeepsTheVisitorAtTheLoginFormSayingSo(Browsing browsing) {
        Page page = browsing.newVisitor();
        page.navigate(browsing.stack().gatewayUrl() + "/");

        Browsing.submitLogin(page, DemoUsers.OFFICER, "not-the-secret");

        assertThat(page).hasURL(browsing.stack().issuerUri() + "/login?error");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("credentials");
    }

    @Test
    void aProvidersSessionGetsTheNotFoundPageForAnotherProvidersContract(Browsing browsing) throws Exception {
        String sk8sides = new DemoData().registrations().stream()
                .filter(contract -> "Sk8side".equals(contract.get("provider").asText()))
                .map(contract -> contract.get("contractId").asText())
                .findFirst().orElseThrow();
        Page nelft = browsing.signIn(DemoUsers.NELFT);

        Response response = nelft.navigate(browsing.stack().gatewayUrl() + "/contracts/" + sk8sides);

        assertThat(response.status()).isEqualTo(404);
        assertThat(nelft.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Page not found");
        assertThat(nelft.getByTestId("signed-in")).containsText("Priya Shah (NELFT)");
        assertThat(nelft.content()).doesNotContain("Sk8side");
    }
}
