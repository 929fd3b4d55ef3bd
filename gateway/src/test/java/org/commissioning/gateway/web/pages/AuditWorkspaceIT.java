package org.commissioning.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.commissioning.events.Topics;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.OwnerStub;
import org.commissioning.gateway.support.SignInAndOwners;
import org.commissioning.gateway.support.StubbedOwners;
import org.commissioning.gateway.support.WebSession;
import org.commissioning.identity.DemoUsers;
import org.commissioning.testsupport.EventSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * The auditor's workspace as a signed-in auditor opens it, in front of real HTTP servers standing in for the
 * owners: rag-service answering the rating history as of each instant (a KPI value corrected between the two
 * instants, and an officer's override), its re-derivation, and every context's evidence part with its chain
 * verification.
 */
@TestPropertySource(properties = {"platform.security.enabled=true", "platform.clock.zone=Europe/London"})
class AuditWorkspaceIT extends GatewayITSupport {

    /** 11:00 in London on 16 May 2018 (summer time), as the picker sends it, and the instant it is. */
    static final String PICKED_BEFORE = "2018-05-16T11:00";
    static final String BEFORE = "2018-05-16T10:00:00Z";
    static final String AFTER = "2018-06-20T09:00:00Z";

    @RegisterExtension
    static final SignInAndOwners GATEWAY = SignInAndOwners.start("audit-workspace-issuer");
    static final StubbedOwners OWNERS = GATEWAY.owners();

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        GATEWAY.register(registry);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    EmbeddedKafkaBroker kafka;

    private WebSession session;

    @BeforeEach
    void newBrowserSession() {
        session = new WebSession(port);
    }

    @Test
    void showsTheRatingsAsTheyStoodAtTheInstantPickedInTheCouncilsZone() throws Exception {
        String contract = audited();
        session.signIn(DemoUsers.AUDITOR, "auditor-secret");

        HttpResponse<String> page = session.get("/audit/contracts/" + contract + "?asOf=" + PICKED_BEFORE);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(query(OWNERS.rag().last(ratingsPath(contract)))).isEqualTo("asOf=" + BEFORE);
        String periods = section(page.body(), "periods");
        assertThat(periods).contains("2018-05").contains("govuk-tag--red").contains(">RED<").contains("66")
                .contains("worst-headline-band.v1").contains("framework v1").doesNotContain("91");
        assertThat(text(page.body())).contains("type=\"datetime-local\"").contains("value=\"" + PICKED_BEFORE + "\"")
                .contains("Europe/London").contains("16 May 2018, 11:00:00 (Europe/London)");
    }

    @Test
    void showsEachRatingsEvidenceTheOverridesTheRederivationAndTheChainsVerification() throws Exception {
        String contract = audited();
        session.signIn(DemoUsers.OFFICER, "officer-secret");

        String body = text(session.get("/audit/contracts/" + contract).body());

        assertThat(OWNERS.rag().last(ratingsPath(contract)).rawQuery()).isNull();
        assertThat(section(body, "periods")).contains(">GREEN<").contains("EH1").contains("91")
                .contains("PROVIDER").contains("re-rated after KPI EH1 (PROVIDER) was corrected from 66 to 91");
        assertThat(section(body, "overrides")).contains("2018-04").contains("Waiting list cleared by hand")
                .contains("officer.jones").contains(">AMBER<");
        assertThat(section(body, "rederivation")).contains("DOES NOT RE-DERIVE: 1 findings").contains(">9<");
        assertThat(section(body, "rederivation-findings")).contains("Rating history differs from the store")
                .contains(">rating<").contains(">GREEN<").contains(">RED<");
        String chains = section(body, "chains");
        assertThat(chains).contains(contract).contains("INTACT").contains("BROKEN")
                .contains("At sequence 3 (event ev-3), against the chain: expected aaa, found bbb; intact through "
                        + "sequence -1");
    }

    @Test
    void showsARatingChangedByACorrectionBetweenTwoInstantsAsADiff() throws Exception {
        String contract = audited();
        session.signIn(DemoUsers.AUDITOR, "auditor-secret");

        String body = text(session.get("/audit/contracts/" + contract + "?from=" + BEFORE + "&to=" + AFTER).body());

        String changes = section(body, "changes");
        assertThat(rows(changes)).containsExactly(
                "Overall rating changed |  | Contract | RED | GREEN |",
                "Rating changed | 2018-05 | computed | RED (computed) | GREEN (computed) | re-rated after KPI EH1 "
                        + "(PROVIDER) was corrected from 66 to 91",
                "KPI value changed | 2018-05 | EH1 Waiting times (PROVIDER) | 66 RED | 91 GREEN | re-rated after KPI "
                        + "EH1 (PROVIDER) was corrected from 66 to 91",
                "Override added | 2018-04 | by officer.jones | — | AMBER | Waiting list cleared by hand");
        assertThat(body).contains("value=\"2018-05-16T11:00\"").contains("value=\"2018-06-20T10:00\"");
    }

    @Test
    void showsAnInstantBeforeTheContractWasRegisteredAsNotYetRecordedRatherThanAsAnUnknownContract() throws Exception {
        String contract = audited();
        String early = "2017-07-01T11:00:00Z";
        OWNERS.rag().answer(ratingsPath(contract), early, 200, "application/json", history(contract, null, "", "[]")
                .replace("\"current\":\"null\"", "\"current\":null"));
        OWNERS.contract().answer(partPath(contract, "contract"), early, 404, "application/problem+json", """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"No contract %s"}"""
                .formatted(contract));
        session.signIn(DemoUsers.AUDITOR, "auditor-secret");

        HttpResponse<String> page = session.get("/audit/contracts/" + contract + "?asOf=2017-07-01T12:00");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String body = text(page.body());
        assertThat(body).contains("1 Jul 2017, 12:00:00 (Europe/London)").contains("No month had been rated by then")
                .doesNotContain("data-testid=\"evidence-pack\"");
        assertThat(section(body, "no-evidence-pack")).contains("contract-service");
        assertThat(rows(section(body, "chains"))).contains(
                "contract |  | NOT YET RECORDED | 0 | 0 | contract-service held no record of the contract by then",
                "kpi | " + contract + ":2018-05 | INTACT | 2 | 0 |");
    }

    @Test
    void refusesAnInstantInTheFutureNextToItsFieldWithoutAskingForTheHistory() throws Exception {
        String contract = audited();
        session.signIn(DemoUsers.AUDITOR, "auditor-secret");
        int asked = OWNERS.rag().received().size();

        HttpResponse<String> page = session.get("/audit/contracts/" + contract + "?from=2999-01-01T09:00");

        assertThat(page.statusCode()).isEqualTo(400);
        String body = text(page.body());
        assertThat(body).contains("govuk-error-summary").contains("href=\"#from\"")
                .contains("govuk-form-group--error").contains("id=\"from-error\"")
                .contains("The date and time must be now or in the past").contains("value=\"2999-01-01T09:00\"");
        assertThat(OWNERS.rag().received()).hasSize(asked);
    }

    @Test
    void refusesAViewerTheWorkspaceTheListAndThePackWithTheForbiddenPage() throws Exception {
        String contract = audited();
        session.signIn(DemoUsers.VIEWER, "viewer-secret");
        int asked = OWNERS.rag().received().size();

        for (String path : List.of("/audit", "/audit/contracts/" + contract,
                "/audit/contracts/" + contract + "/evidence-pack?asOf=" + BEFORE)) {
            HttpResponse<String> page = session.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("You cannot do this");
        }
        assertThat(OWNERS.rag().received()).hasSize(asked);
    }

    @Test
    void downloadsTheEvidencePackAsOfThePickedInstantFromThePagesLink() throws Exception {
        String contract = audited();
        session.signIn(DemoUsers.AUDITOR, "auditor-secret");
        String body = session.get("/audit/contracts/" + contract + "?asOf=" + PICKED_BEFORE).body();
        Matcher link = Pattern.compile("data-testid=\"evidence-pack\"[^>]*href=\"([^\"]+)\"").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String href = HtmlUtils.htmlUnescape(link.group(1));

        HttpResponse<byte[]> zip = session.client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + href)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(href).isEqualTo("/audit/contracts/" + contract + "/evidence-pack?asOf=" + BEFORE);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"evidence-" + contract + "-" + BEFORE + ".zip\"");
        assertThat(entries(zip.body())).contains("README.txt", "manifest.json", "ratings/chain/verification.json");
        OwnerStub.Received asked = OWNERS.rag().last(partPath(contract, "ratings"));
        assertThat(query(asked)).isEqualTo("asOf=" + BEFORE);
        assertThat(asked.header("Authorization")).as("the auditor's own token").startsWith("Bearer ");
    }

    @Test
    void listsTheContractsWhoseProviderMatchesTheSearch() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String alpha = UUID.randomUUID().toString();
        String beta = UUID.randomUUID().toString();
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS,
                ContractEvents.registered(alpha, "Alpha Care " + tag, "YOUTH",
                        ContractEvents.district("East", "Thanet"), null),
                ContractEvents.registered(beta, "Beta Trust " + tag, "NEETS",
                        ContractEvents.district("West", "Maidstone"), null));
        session.signIn(DemoUsers.AUDITOR, "auditor-secret");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(session.get("/audit").body()).contains(alpha).contains(beta));
        String found = session.get("/audit?provider=alpha+care+" + tag).body();

        assertThat(found).contains("href=\"/audit/contracts/" + alpha + "\"").contains("Alpha Care " + tag)
                .doesNotContain(beta).contains("1 contract").contains("value=\"alpha care " + tag + "\"")
                .contains("<option value=\"Beta Trust " + tag + "\">");
    }

    // --- the owners' answers

    /** A new contract whose owners answer: before the correction RED; after it GREEN, and an override of April. */
    static String audited() {
        String id = UUID.randomUUID().toString();
        String before = history(id, "RED", rating(id, "2018-05", 4, "RED", "66", "RED", null), "[]");
        String after = history(id, "GREEN", rating(id, "2018-05", 7, "GREEN", "91", "GREEN",
                "\"re-rated after KPI EH1 (PROVIDER) was corrected from 66 to 91\""), """
                [{"type":"RagOverridden","period":"2018-04","sequence":6,"recordedAt":"2018-06-02T09:00:00Z",\
                "triggeredBy":"officer.jones","rating":"AMBER","computedRating":"NOT_RATED","previousRating":null,\
                "rationale":"Waiting list cleared by hand","policyVersion":"worst-headline-band.v1"}]""");
        OWNERS.rag().answer(ratingsPath(id), 200, "application/json", after);
        OWNERS.rag().answer(ratingsPath(id), AFTER, 200, "application/json", after);
        OWNERS.rag().answer(ratingsPath(id), BEFORE, 200, "application/json", before);
        OWNERS.rag().answer("/api/ratings/contracts/" + id + "/rederivation", 200, "application/json", """
                {"contractId":"%s","policyVersion":"worst-headline-band.v1","checked":2,"mismatches":[],\
                "replayed":9,"underivable":[],"projectionMismatches":[{"stream":"%1$s","sequence":7,\
                "type":"ContractRated","field":"rating","projection":"GREEN","store":"RED"}]}""".formatted(id));
        part(OWNERS.contract(), id, "contract", "{\"stream\":\"" + id + "\",\"intact\":true,\"events\":3,"
                + "\"headSequence\":2,\"sealsChecked\":1,\"firstDifference\":null}");
        part(OWNERS.kpi(), id, "kpi", "{\"stream\":\"" + id + ":2018-05\",\"intact\":true,\"events\":2,"
                + "\"headSequence\":1,\"sealsChecked\":0}");
        part(OWNERS.rag(), id, "ratings", "{\"stream\":\"" + id + "\",\"intact\":false,\"events\":8,"
                + "\"headSequence\":7,\"sealsChecked\":0,\"firstDifference\":{\"stream\":\"" + id + "\","
                + "\"sequence\":3,\"eventId\":\"ev-3\",\"against\":\"chain\",\"expected\":\"aaa\",\"found\":\"bbb\","
                + "\"intactThrough\":-1}}");
        part(OWNERS.deepdive(), id, "deepdives", null);
        return id;
    }

    private static String history(String id, String current, String period, String overrides) {
        return """
                {"contractId":"%s","current":"%s","periods":[%s],"ratings":[%3$s],"changes":[],"overrides":%s,\
                "trajectory":null,"trajectories":[],"deepDives":[]}""".formatted(id, current, period, overrides);
    }

    private static String rating(String id, String period, int sequence, String rating, String value, String band,
                                 String reason) {
        return """
                {"type":"ContractRated","contractId":"%s","period":"%s","sequence":%d,\
                "recordedAt":"2018-06-01T09:00:00Z","triggeredBy":"system","causedBy":"nelft.shah","rating":"%s",\
                "computedRating":"%4$s","basis":"COMPUTED","provisional":false,"policyVersion":"worst-headline-band.v1",\
                "evidence":[{"kpiCode":"EH1","name":"Waiting times","value":%s,"numerator":null,"denominator":null,\
                "source":"PROVIDER","band":"%s","frameworkVersion":1}],"missingHeadlines":[],"frameworkVersions":[1],\
                "ratedBy":"rag-service","rationale":null,"reason":%s,"notValidated":[]}"""
                .formatted(id, period, sequence, rating, value, band, reason);
    }

    /** The owner's part of the pack, with its chain verification (none for {@code null}). */
    private static void part(OwnerStub owner, String id, String context, String stream) {
        String files = stream == null ? "" : """
                ,{"name":"%s/chain/verification.json","content":%s}""".formatted(context,
                quoted("{\"asOf\":\"" + BEFORE + "\",\"intact\":true,\"streams\":[" + stream + "]}"));
        owner.answer(partPath(id, context), 200, "application/json", """
                {"context":"%s","contractId":"%s","asOf":"{asOf}","files":[{"name":"%1$s/notes.csv","content":"a\\n"}%s],\
                "readme":"%1$s/notes.csv: notes."}""".formatted(context, id, files));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String ratingsPath(String id) {
        return "/api/ratings/contracts/" + id + "/ratings";
    }

    static String partPath(String id, String context) {
        return switch (context) {
            case "contract" -> "/api/contracts/" + id + "/evidence";
            case "kpi" -> "/api/kpi/contracts/" + id + "/evidence";
            case "ratings" -> "/api/ratings/contracts/" + id + "/evidence";
            default -> "/api/deepdives/contracts/" + id + "/evidence";
        };
    }

    // --- reading the page

    private static String query(OwnerStub.Received received) {
        return received.rawQuery() == null ? null : URLDecoder.decode(received.rawQuery(), StandardCharsets.UTF_8);
    }

    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html);
    }

    /** The element with {@code data-testid} up to its end (its own closing tag at the same depth). */
    private static String section(String html, String testId) {
        int start = html.indexOf("data-testid=\"" + testId + "\"");
        assertThat(start).as("section " + testId + " in " + html).isNotNegative();
        int open = html.lastIndexOf('<', start);
        String tag = html.substring(open + 1, html.indexOf(' ', open));
        int depth = 0;
        Matcher tags = Pattern.compile("<(/?)" + tag + "[\\s>]").matcher(html);
        tags.region(open, html.length());
        while (tags.find()) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return html.substring(open, tags.end());
            }
        }
        return html.substring(open);
    }

    /** Each body row of a table, its cells' text joined by " | ". */
    private static List<String> rows(String table) {
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr class=\"govuk-table__row\">(.*?)</tr>", Pattern.DOTALL).matcher(
                table.substring(table.indexOf("<tbody")));
        while (row.find()) {
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
            List<String> cells = new ArrayList<>();
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim());
            }
            rows.add(String.join(" | ", cells).trim());
        }
        return rows;
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
