package org.commissioning.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.StubbedOwners;
import org.commissioning.gateway.support.WebSession;
import org.commissioning.identity.DemoUsers;
import org.commissioning.identity.LocalIssuer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The overview and the rating table as pages, signed in at the real issuer, over a database of their own with no
 * contract yet: the same use cases as the JSON endpoints (whose figures {@code CountyOverviewAndRatingTableIT}
 * checks), rendered with their filters, sort links and downloads; a filter outside its vocabulary is shown as an
 * error on the form, not a problem document; a provider's staff are sent to their own contracts.
 */
@TestPropertySource(properties = {"platform.security.enabled=true",
        GatewayITSupport.DATABASE + "=gateway-overview-pages"})
class OverviewAndRatingTablePagesIT extends GatewayITSupport {

    @AutoClose
    static final LocalIssuer issuer = LocalIssuer.startInTemporaryDirectory("gateway-overview-issuer");

    @RegisterExtension
    static final StubbedOwners OWNERS = StubbedOwners.oneEach();

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
        OWNERS.register(registry);
    }

    @Value("${local.server.port}")
    int port;

    private WebSession session;

    @BeforeEach
    void newBrowserSession() {
        session = new WebSession(port);
    }

    @Test
    void showsTheOverviewWithEveryRatingEveryDistrictAndEveryServiceArea() throws Exception {
        HttpResponse<String> overview = session.signIn(DemoUsers.OFFICER, "officer-secret");

        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("<h1 class=\"govuk-heading-xl\">County overview</h1>")
                .contains("data-rag=\"GREEN\"").contains("data-rag=\"NOT_RATED\"")
                .contains("data-district=\"Dartford\"").contains("data-district=\"Thanet\"")
                .contains("Family support").contains("Deep-dive programme")
                .contains("sse-connect=\"/events\"").contains("aria-current=\"page\"");
        assertThat(overview.body().split("data-district=", -1)).hasSize(13);
        assertThat(overview.body().split("sse-connect=", -1)).as("the page's one live stream, the body's").hasSize(2);
        assertThat(overview.body()).contains("hx-select=\"#overview &gt; *\"").contains("hx-swap=\"innerHTML\"");
    }

    @Test
    void showsAViewerTheOverviewAndTheRatingTableButNotTheAuditSection() throws Exception {
        HttpResponse<String> overview = session.signIn(DemoUsers.VIEWER, "viewer-secret");
        HttpResponse<String> table = session.get("/ratings");

        assertThat(overview.body()).contains("County overview").doesNotContain(">Audit<");
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.body()).contains("Rating table").contains("aria-sort=\"ascending\"");
    }

    @Test
    void refusesAFilterOutsideItsVocabularyOnTheFormWithoutAProblemDocument() throws Exception {
        session.signIn(DemoUsers.OFFICER, "officer-secret");

        HttpResponse<String> page = session.get("/?area=Atlantis");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("There is a problem with the filters").contains("href=\"#filter-area\"")
                .contains("govuk-form-group--error");
    }

    @Test
    void sortsByAColumnHeadingAndOffersTheOtherDirection() throws Exception {
        session.signIn(DemoUsers.OFFICER, "officer-secret");

        HttpResponse<String> page = session.get("/ratings?sort=rag,asc&rag=RED");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/ratings?rag=RED&amp;sort=rag,desc\"")
                .contains("href=\"/ratings.csv?rag=RED&amp;sort=rag,asc\"")
                .contains("<option value=\"RED\" selected=\"selected\">Red</option>");
    }

    @Test
    void downloadsTheRatingTableAsCsvWithItsHeaderRowFromAPageSession() throws Exception {
        session.signIn(DemoUsers.AUDITOR, "auditor-secret");

        HttpResponse<String> csv = session.client().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/ratings.csv?sort=provider,asc")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment; filename=\"rating-table-").endsWith(".csv\""));
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.body())).getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get(0)).isEqualTo("Provider");
    }

    @Test
    void sendsAProvidersStaffFromTheOverviewToTheirOwnContracts() throws Exception {
        HttpResponse<String> landing = session.signIn(DemoUsers.SK8SIDE, "sk8side-secret");

        assertThat(landing.uri().getPath()).isEqualTo("/provider");
    }
}
