package org.commissioning.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commissioning.events.Topics;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.OwnerStub;
import org.commissioning.gateway.support.OwnerStub.Received;
import org.commissioning.gateway.support.SignInAndOwners;
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

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The provider portal as NELFT's staff use it, signed in at the real local issuer, in front of a real HTTP server
 * standing in for kpi-service: the return form is generated from the framework kpi-service answers, a submission
 * and an uploaded CSV file go to kpi-service as the signed-in caller, its refusals come back next to the fields they
 * name (a CSV file's line by line), a file too big, empty or not a CSV is a page saying so, and another provider's
 * contract is the not-found page.
 */
@TestPropertySource(properties = "platform.security.enabled=true")
class ProviderPortalIT extends GatewayITSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String PERIOD = "2018-10";
    static final String FRAMEWORK = """
            {"contractId":"%s","version":2,"effectiveFrom":"2018-07","template":null,"kpis":[
             {"code":"ATTEND","name":"Attendance at first appointment","unit":"PERCENT","direction":"HIGHER_IS_BETTER",
              "headline":true,"expectedSource":"PROVIDER","tolerance":null,"bands":[
               {"rating":"RED","lower":null,"lowerInclusive":false,"upper":85,"upperInclusive":false},
               {"rating":"AMBER","lower":85,"lowerInclusive":true,"upper":90,"upperInclusive":false},
               {"rating":"GREEN","lower":90,"lowerInclusive":true,"upper":95,"upperInclusive":true},
               {"rating":"STRETCH","lower":95,"lowerInclusive":false,"upper":null,"upperInclusive":false}]},
             {"code":"WAIT-DAYS","name":"Days waited for treatment","unit":"DAYS","direction":"LOWER_IS_BETTER",
              "headline":false,"expectedSource":"BOTH","tolerance":1,"bands":[
               {"rating":"GREEN","lower":null,"lowerInclusive":false,"upper":28,"upperInclusive":true},
               {"rating":"AMBER","lower":28,"lowerInclusive":false,"upper":42,"upperInclusive":true},
               {"rating":"RED","lower":42,"lowerInclusive":false,"upper":null,"upperInclusive":false}]},
             {"code":"LAC-ASSESSED","name":"Looked-after children assessed","unit":"PERCENT",
              "direction":"HIGHER_IS_BETTER","headline":false,"expectedSource":"COUNCIL","tolerance":null,"bands":[
               {"rating":"RED","lower":null,"lowerInclusive":false,"upper":50,"upperInclusive":false},
               {"rating":"GREEN","lower":50,"lowerInclusive":true,"upper":null,"upperInclusive":false}]}],
            "versions":[{"version":1,"effectiveFrom":"2018-04"},{"version":2,"effectiveFrom":"2018-07"}]}""";
    static final String NOT_FOUND = """
            {"type":"https://commissioning.example/problems/not-found","title":"Not found","status":404}""";

    static final String CSV_HEADER = "kpiCode,district,value,numerator,denominator\r\n";

    @RegisterExtension
    static final SignInAndOwners GATEWAY = SignInAndOwners.start("gateway-portal-issuer");

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        GATEWAY.register(registry);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    EmbeddedKafkaBroker kafka;

    private final ObjectMapper json = new ObjectMapper();
    private WebSession nelft;
    private OwnerStub kpi;

    @BeforeEach
    void nelftsStaffSignIn() throws Exception {
        kpi = GATEWAY.owners().kpi();
        nelft = new WebSession(port);
        nelft.signIn(DemoUsers.NELFT, "nelft-secret");
    }

    @Test
    void generatesOneLabelledFieldPerKpiTheProviderReportsWithItsUnitHintAndBands() throws Exception {
        String id = contract("NELFT");

        HttpResponse<String> form = nelft.get(month(id));

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Return for October 2018")
                .containsPattern("<label class=\"govuk-label govuk-label--s\" for=\"kpi-ATTEND\">\\s*"
                        + "Attendance at first appointment\\s*\\(headline KPI\\)")
                .containsPattern("<label [^>]*for=\"kpi-WAIT-DAYS\">\\s*Days waited for treatment")
                .contains("id=\"kpi-ATTEND\" name=\"kpi.ATTEND\"", "id=\"kpi-WAIT-DAYS\" name=\"kpi.WAIT-DAYS\"")
                .contains("A percentage from 0 to 100, up to 2 decimals. Higher is better. Red: under 85; "
                        + "Amber: from 85 to under 90; Green: from 90 to 95; Stretch: over 95.")
                .contains("A whole number of days from 0. Lower is better. Green: up to 28; Amber: over 28 to 42; "
                        + "Red: over 42.")
                .contains("data-bands=\"[{&quot;rating&quot;:&quot;RED&quot;,&quot;lower&quot;:null,")
                .contains("data-max=\"100\"", "inputmode=\"decimal\"", "inputmode=\"numeric\"")
                .contains("version 2, in force from 2018-07")
                .contains("The council supplies Looked-after children assessed from its own systems.")
                .doesNotContain("kpi-LAC-ASSESSED")
                .contains("/provider/contracts/" + id + "/returns/2018-10/template.csv")
                .contains("src=\"/ui/return-form.js\"")
                .containsPattern("<form method=\"post\" enctype=\"multipart/form-data\"[^>]*action=\"/provider/contracts/"
                        + id + "/returns/2018-10/csv\"><input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"/>")
                .containsPattern("<label class=\"govuk-label govuk-label--s\" for=\"csv-file\">Upload a CSV file</label>"
                        + "\\s*<div class=\"govuk-hint\" id=\"csv-file-hint\">The CSV template filled in with the month’s "
                        + "figures, at most 2 MB.</div>")
                .containsPattern("<input class=\"govuk-file-upload\" id=\"csv-file\" name=\"csv\" type=\"file\" "
                        + "accept=\".csv,text/csv\"\\s+aria-describedby=\"csv-file-hint\">");
        assertThat(kpi.last("/api/kpi/contracts/" + id + "/framework").rawQuery()).isEqualTo("period=2018-10");
        assertThat(kpi.last("/api/kpi/contracts/" + id + "/framework").header("Authorization"))
                .startsWith("Bearer ");
        assertThat(nelft.get("/ui/return-form.js").body()).contains("data-bands");
    }

    @Test
    void forwardsASubmissionToKpiServiceAsTheCallerAndShowsTheContractsReturnsWithABanner() throws Exception {
        String id = contract("NELFT");
        kpi.answer(returns(id), 201, "application/json", """
                {"returnId":"%s:2018-10","contractId":"%s","period":"2018-10","frameworkVersion":2}"""
                .formatted(id, id));
        nelft.get(month(id));

        HttpResponse<String> landed = nelft.post(month(id), Map.of("kpi.ATTEND", " 94.5 ", "kpi.WAIT-DAYS", "",
                "narrative", "Staffing recovered in October"));

        Received sent = kpi.last(returns(id));
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Authorization")).startsWith("Bearer ");
        assertThat(json.readTree(sent.body())).isEqualTo(json.readTree("""
                {"period":"2018-10","narrative":"Staffing recovered in October",
                 "values":[{"kpiCode":"ATTEND","value":94.5}]}"""));
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath() + "?" + landed.uri().getQuery())
                .isEqualTo("/provider/contracts/" + id + "?year=2018");
        assertThat(landed.body()).contains("govuk-notification-banner--success")
                .contains("Your return for October 2018 has been submitted").contains("Returns 2018-19");
    }

    @Test
    void showsKpiServicesRefusalNextToTheFieldItNamesWithTheValuesTyped() throws Exception {
        String id = contract("NELFT");
        kpi.answer(returns(id), 400, "application/problem+json", """
                {"type":"https://commissioning.example/problems/value-out-of-range","title":"Rule violated",
                 "status":400,"detail":"A PERCENT value must be 0 to 100; got 150","rule":"value-out-of-range",
                 "errors":[{"field":"values[0].value","message":"A PERCENT value must be 0 to 100; got 150"}]}""");
        nelft.get(month(id));

        HttpResponse<String> refused = nelft.post(month(id), Map.of("kpi.WAIT-DAYS", "30", "kpi.ATTEND", "150",
                "narrative", "A good month"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<title>Error: Return for October 2018")
                .contains("govuk-error-summary")
                .containsPattern("<a href=\"#kpi-ATTEND\">A PERCENT value must be 0 to 100; got 150</a>")
                .containsPattern("id=\"kpi-ATTEND-error\">\\s*<span class=\"govuk-visually-hidden\">Error:</span>"
                        + "\\s*A PERCENT value must be 0 to 100; got 150")
                .contains("value=\"150\"", "value=\"30\"", "A good month")
                .containsPattern("id=\"kpi-WAIT-DAYS-band\"[^>]*>\\s*Band:\\s*<strong class=\"govuk-tag "
                        + "govuk-tag--yellow\">Amber</strong>");
        assertThat(refused.body()).doesNotContain("id=\"kpi-WAIT-DAYS-error\"")
                .containsPattern("id=\"kpi-ATTEND-band\"[^>]*>\\s*</p>");
    }

    @Test
    void showsARefusalNamingNoFieldInTheSummaryWithItsStatus() throws Exception {
        String id = contract("NELFT");
        kpi.answer(returns(id), 409, "application/problem+json", """
                {"title":"Conflict","status":409,"rule":"return-already-submitted","currentState":"SUBMITTED",
                 "detail":"The return of 2018-10 has already been submitted"}""");
        nelft.get(month(id));

        HttpResponse<String> refused = nelft.post(month(id), Map.of("kpi.ATTEND", "92"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("govuk-error-summary")
                .contains("The return of 2018-10 has already been submitted").contains("value=\"92\"");
    }

    @Test
    void refusesAValueThatIsNotANumberWithoutSendingAnything() throws Exception {
        String id = contract("NELFT");
        nelft.get(month(id));

        HttpResponse<String> refused = nelft.post(month(id), Map.of("kpi.ATTEND", "ninety"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<a href=\"#kpi-ATTEND\">Enter Attendance at first appointment as a "
                + "number, like 94.5</a>").contains("value=\"ninety\"");
        assertThat(kpi.received()).noneMatch(r -> r.path().equals(returns(id)));
    }

    @Test
    void forwardsAnUploadedCsvAsItsBytesAsTheCallerAndShowsTheStoredReturnWithABanner() throws Exception {
        String id = contract("NELFT");
        String csv = CSV_HEADER + "ATTEND,,94.5,,\r\nWAIT-DAYS,Maidstone – town,30,,\r\n";
        kpi.answer(csvPath(id), 201, "application/json", """
                {"returnId":"%s:2018-10","contractId":"%s","period":"2018-10","frameworkVersion":2}"""
                .formatted(id, id));
        nelft.get(month(id));
        kpi.answer(returns(id) + "/" + PERIOD, 200, "application/json", """
                {"id":"%s:2018-10","contractId":"%s","period":"2018-10","frameworkVersion":2,"narrative":null,
                 "submittedBy":"provider.nelft","submittedAt":"2018-11-10T09:30:00Z","dueOn":"2018-11-15",
                 "late":false,"values":[
                  {"kpiCode":"ATTEND","district":null,"unit":"PERCENT","value":94.5,"band":"GREEN",
                   "validation":"SINGLE_SOURCE","corrections":[],"discrepancies":[]},
                  {"kpiCode":"WAIT-DAYS","district":"Maidstone – town","unit":"DAYS","value":30,"band":"AMBER",
                   "validation":"SINGLE_SOURCE","corrections":[],"discrepancies":[]}]}""".formatted(id, id));

        HttpResponse<String> landed = nelft.postMultipart(month(id) + "/csv", "csv", "october.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        Received sent = kpi.last(csvPath(id));
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.body()).isEqualTo(csv);
        assertThat(sent.header("Content-Type")).isEqualToIgnoringWhitespace("text/csv;charset=UTF-8");
        assertThat(subject(sent.header("Authorization"))).isEqualTo(DemoUsers.NELFT);
        assertThat(kpi.received()).noneMatch(r -> r.method().equals("POST") && r.path().equals(returns(id)));
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo(month(id));
        assertThat(landed.body()).contains("govuk-notification-banner--success")
                .contains("Your return for October 2018 has been recorded from october.csv")
                .contains("2 values were stored, as the table below shows.")
                .containsPattern(">Maidstone – town<[\\s\\S]*?30[\\s\\S]*?govuk-tag--yellow\">Amber<")
                .doesNotContain("data-testid=\"csv-form\"");
    }

    @Test
    void showsEachLineKpiServiceRefusedInTheFileWithTheFormAgain() throws Exception {
        String id = contract("NELFT");
        kpi.answer(csvPath(id), 400, "application/problem+json", """
                {"type":"https://commissioning.example/problems/csv-invalid","title":"Rows of the CSV are invalid",
                 "status":400,"rule":"csv-invalid","detail":"3 rows are invalid, so nothing was stored","errors":[
                  {"line":2,"rule":"csv-number","column":"value","message":"'lots' is not a number"},
                  {"line":4,"rule":"kpi-unknown","column":"kpiCode","message":"There is no KPI NOPE"},
                  {"line":5,"rule":"duplicate-value","message":"ATTEND is given twice (line 2)"}]}""");
        String csv = CSV_HEADER + "ATTEND,,lots,,\r\nWAIT-DAYS,,30,,\r\nNOPE,,1,,\r\nATTEND,,90,,\r\n";
        nelft.get(month(id));

        HttpResponse<String> refused = nelft.postMultipart(month(id) + "/csv", "csv", "october.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(kpi.last(csvPath(id)).body()).isEqualTo(csv);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<title>Error: Return for October 2018")
                .contains("<a href=\"#csv-file\">The file has 3 lines with errors, so nothing was recorded</a>")
                .containsPattern("id=\"csv-file-error\">\\s*<span class=\"govuk-visually-hidden\">Error:</span>\\s*"
                        + "The file has 3 lines with errors, so nothing was recorded")
                .contains("aria-describedby=\"csv-file-hint csv-file-error\"")
                .containsPattern("<th scope=\"row\"[^>]*>2</th>\\s*<td[^>]*>value</td>\\s*"
                        + "<td[^>]*>&#39;lots&#39; is not a number</td>")
                .containsPattern("<th scope=\"row\"[^>]*>4</th>\\s*<td[^>]*>kpiCode</td>\\s*"
                        + "<td[^>]*>There is no KPI NOPE</td>")
                .containsPattern("<th scope=\"row\"[^>]*>5</th>\\s*<td[^>]*>Whole line</td>\\s*"
                        + "<td[^>]*>ATTEND is given twice \\(line 2\\)</td>")
                .contains("data-testid=\"csv-form\"", "data-testid=\"return-form\"");
        assertThat(kpi.received()).noneMatch(r -> r.method().equals("POST") && r.path().equals(returns(id)));
    }

    @Test
    void answersAFileOverTheUploadLimitWithAPageSayingSoAndSendsNothing() throws Exception {
        String id = contract("NELFT");
        nelft.get(month(id));
        byte[] big = (CSV_HEADER + "ATTEND,,94,,\r\n".repeat(2 * 1024 * 1024 / 14 + 1)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = nelft.postMultipart(month(id) + "/csv", "csv", "october.csv", "text/csv", big);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(refused.body()).contains("<h1 class=\"govuk-heading-l\">The file is too big</h1>")
                .contains("The file you sent is bigger than 2 MB, the most this service takes.")
                .contains("href=\"" + month(id) + "\"");
        assertThat(kpi.received()).noneMatch(r -> r.path().equals(csvPath(id)));
    }

    @Test
    void refusesNoFileAnEmptyFileOrOneThatIsNotACsvWithoutSendingIt() throws Exception {
        String id = contract("NELFT");
        nelft.get(month(id));

        HttpResponse<String> none = nelft.postMultipart(month(id) + "/csv", "csv", "", "application/octet-stream",
                new byte[0]);
        HttpResponse<String> empty = nelft.postMultipart(month(id) + "/csv", "csv", "october.csv", "text/csv",
                new byte[0]);
        HttpResponse<String> picture = nelft.postMultipart(month(id) + "/csv", "csv", "chart.png", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});

        for (HttpResponse<String> refused : List.of(none, empty, picture)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("<title>Error: Return for October 2018")
                    .contains("data-testid=\"csv-form\"").doesNotContain("data-testid=\"csv-errors\"");
        }
        assertThat(none.body()).contains("<a href=\"#csv-file\">Select a CSV file of the month’s return</a>");
        assertThat(empty.body()).contains("<a href=\"#csv-file\">The selected file is empty</a>");
        assertThat(picture.body()).contains("<a href=\"#csv-file\">The selected file must be a CSV file</a>");
        assertThat(kpi.received()).noneMatch(r -> r.path().equals(csvPath(id)));
    }

    @Test
    void relaysKpiServicesCsvTemplate() throws Exception {
        String id = contract("NELFT");
        kpi.answer("/api/kpi/contracts/" + id + "/returns/template.csv", 200, "text/csv;charset=UTF-8",
                "kpiCode,district,value,numerator,denominator\nATTEND,,,,\nWAIT-DAYS,,,,\n");

        HttpResponse<String> template = nelft.get(month(id) + "/template.csv");

        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/csv"));
        assertThat(template.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).startsWith("attachment"));
        assertThat(template.body()).isEqualTo("kpiCode,district,value,numerator,denominator\nATTEND,,,,\nWAIT-DAYS,,,,\n");
        assertThat(kpi.last("/api/kpi/contracts/" + id + "/returns/template.csv").rawQuery())
                .isEqualTo("period=2018-10");
    }

    @Test
    void showsAPastReturnWithItsValuesBandsSourcesAndCorrections() throws Exception {
        String id = contract("NELFT");
        kpi.answer("/api/kpi/contracts/" + id + "/returns/2018-09", 200, "application/json", """
                {"id":"%s:2018-09","contractId":"%s","period":"2018-09","frameworkVersion":2,
                 "narrative":"A quiet month","submittedBy":"provider.nelft","submittedAt":"2018-10-10T09:30:00Z",
                 "dueOn":"2018-10-15","late":false,"values":[
                  {"kpiCode":"ATTEND","district":null,"unit":"PERCENT","value":92,"numerator":null,"denominator":null,
                   "band":"GREEN","original":{"value":84,"band":"RED"},"validation":"SINGLE_SOURCE",
                   "corrections":[{"eventId":"e1","from":{"value":84,"band":"RED"},"to":{"value":92,"band":"GREEN"},
                    "reason":"Two clinics were left out","correctedBy":"provider.nelft",
                    "correctedAt":"2018-10-20T10:00:00Z"}],"discrepancies":[]},
                  {"kpiCode":"WAIT-DAYS","district":"Maidstone","unit":"DAYS","value":30,"band":"AMBER",
                   "council":{"value":30,"band":"AMBER","recordedBy":"officer.jones"},"validation":"VALIDATED",
                   "corrections":[],"discrepancies":[]}]}""".formatted(id, id));

        HttpResponse<String> page = nelft.get("/provider/contracts/" + id + "/returns/2018-09");
        HttpResponse<String> year = nelft.get("/provider/contracts/" + id + "?year=2018");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Return for September 2018").contains("10 Oct 2018 10:30 by provider.nelft")
                .contains("A quiet month").doesNotContain("data-testid=\"return-form\"")
                .containsPattern("Attendance at first appointment[\\s\\S]*?>Total<[\\s\\S]*?92[\\s\\S]*?"
                        + "govuk-tag--green\">Green<[\\s\\S]*?>Provider<[\\s\\S]*?Single source")
                .containsPattern(">Maidstone<[\\s\\S]*?30[\\s\\S]*?govuk-tag--yellow\">Amber<[\\s\\S]*?"
                        + ">Provider and council<[\\s\\S]*?Agrees with the council")
                .containsPattern(">84</td>\\s*<td[^>]*>92</td>\\s*<td[^>]*>Two clinics were left out</td>");
        assertThat(year.statusCode()).isEqualTo(200);
        assertThat(year.body()).containsPattern("data-period=\"2018-09\"[\\s\\S]*?>Returned<")
                .containsPattern("data-period=\"2018-10\"[\\s\\S]*?>Not returned<")
                .contains("ATTEND: 92");
    }

    @Test
    void listsOnlyTheProvidersOwnContractsWithRatingAndOverdueReturns() throws Exception {
        String own = contract("NELFT");
        String others = contract("Sk8side");
        kpi.answer("/api/kpi/contracts/" + own + "/returns/overdue", 200, "application/json", """
                [{"id":"%s:2018-08","contractId":"%s","period":"2018-08","dueDate":"2018-09-15",
                  "detectedAt":"2018-09-16T00:00:00Z","receivedAt":null}]""".formatted(own, own));
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS,
                ContractEvents.registered(own, "NELFT", "EMOTIONAL_HEALTH_AND_WELLBEING",
                        ContractEvents.district("West", "Maidstone"), new BigDecimal("250000.00")),
                ContractEvents.sk8side(others, new BigDecimal("120000.00")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(nelft.get("/provider").body()).contains(own));
        HttpResponse<String> list = nelft.get("/provider");

        assertThat(list.body()).contains("Your contracts").doesNotContain(others)
                .containsPattern("data-contract=\"" + own + "\"[\\s\\S]*?Emotional health and wellbeing"
                        + "[\\s\\S]*?Maidstone[\\s\\S]*?Not rated[\\s\\S]*?August 2018[\\s\\S]*?Overdue");
        assertThat(kpi.received()).noneMatch(r -> r.path().startsWith("/api/kpi/contracts/" + others));
    }

    @Test
    void answersAnotherProvidersContractWithTheNotFoundPageAndSendsNothing() throws Exception {
        String others = contract("Sk8side");
        nelft.get("/provider");

        for (String path : new String[] {"/provider/contracts/" + others, month(others), month(others) + "/template.csv"}) {
            HttpResponse<String> page = nelft.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Page not found");
        }
        HttpResponse<String> post = nelft.post(month(others), Map.of("kpi.ATTEND", "94"));
        long asked = kpi.received().stream().filter(r -> r.path().equals("/api/kpi/contracts/" + others)).count();
        HttpResponse<String> upload = nelft.postMultipart(month(others) + "/csv", "csv", "october.csv", "text/csv",
                (CSV_HEADER + "ATTEND,,94,,\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(upload.statusCode()).isEqualTo(404);
        assertThat(upload.body()).contains("Page not found");
        assertThat(kpi.received().stream().filter(r -> r.path().equals("/api/kpi/contracts/" + others)).count())
                .as("the upload's contract is checked as the caller's").isEqualTo(asked + 1);
        assertThat(kpi.received()).noneMatch(r -> r.path().startsWith("/api/kpi/contracts/" + others + "/"));
    }

    @Test
    void answersAMonthOutsideTheTermOrNotAMonthWithTheNotFoundPage() throws Exception {
        String id = contract("NELFT");

        assertThat(nelft.get("/provider/contracts/" + id + "/returns/2017-10").statusCode()).isEqualTo(404);
        assertThat(nelft.get("/provider/contracts/" + id + "/returns/october").statusCode()).isEqualTo(404);
        assertThat(nelft.get("/provider/contracts/not-a-contract").statusCode()).isEqualTo(404);
    }

    @Test
    void letsAnOfficerPickTheProviderFirst() throws Exception {
        WebSession officer = new WebSession(port);
        officer.signIn(DemoUsers.OFFICER, "officer-secret");
        String id = contract("NELFT");
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS, ContractEvents.registered(id, "NELFT",
                "EMOTIONAL_HEALTH_AND_WELLBEING", ContractEvents.district("West", "Maidstone"), BigDecimal.ONE));

        await().atMost(WAIT).untilAsserted(() -> assertThat(officer.get("/provider?provider=NELFT").body())
                .contains(id));

        assertThat(officer.get("/provider").body()).contains("href=\"/provider?provider=NELFT\"");
        assertThat(officer.get(month(id)).body()).contains("data-testid=\"return-form\"");
    }

    /** A new contract of {@code provider} as kpi-service knows it, with NELFT's framework and no returns yet. */
    private String contract(String provider) {
        String id = UUID.randomUUID().toString();
        kpi.answer("/api/kpi/contracts/" + id, 200, "application/json", """
                {"id":"%s","provider":"%s","serviceArea":"EMOTIONAL_HEALTH_AND_WELLBEING","lotScope":"DISTRICT",
                 "areas":["West"],"districts":["Maidstone"],"start":"2018-04-01","end":"2021-03-31",
                 "registeredAt":"2018-03-01T00:00:00Z","lastSequence":1}""".formatted(id, provider));
        kpi.answer("/api/kpi/contracts/" + id + "/framework", 200, "application/json", FRAMEWORK.formatted(id));
        kpi.answer("/api/kpi/contracts/" + id + "/returns/overdue", 200, "application/json", "[]");
        for (int month = 4; month <= 15; month++) {
            String period = "%d-%02d".formatted(2018 + (month - 1) / 12, (month - 1) % 12 + 1);
            kpi.answer("/api/kpi/contracts/" + id + "/returns/" + period, 404, "application/problem+json", NOT_FOUND);
        }
        return id;
    }

    private static String month(String id) {
        return "/provider/contracts/" + id + "/returns/" + PERIOD;
    }

    private static String returns(String id) {
        return "/api/kpi/contracts/" + id + "/returns";
    }

    private static String csvPath(String id) {
        return returns(id) + "/" + PERIOD + "/csv";
    }

    /** The subject of a bearer token, as kpi-service reads it. */
    private String subject(String authorization) throws Exception {
        assertThat(authorization).startsWith("Bearer ");
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return json.readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asText();
    }
}
