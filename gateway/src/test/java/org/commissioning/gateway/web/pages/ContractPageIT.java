package org.commissioning.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardDeepDive;
import org.commissioning.gateway.api.DashboardTrajectory;
import org.commissioning.gateway.query.DashboardProjection;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.OwnerStub;
import org.commissioning.gateway.support.StubbedOwners;
import org.commissioning.gateway.support.WebSession;
import org.commissioning.identity.DemoUsers;
import org.commissioning.identity.LocalIssuer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The contract page over real HTTP, signed in at the real local issuer, with the owners stood in for by stubs that
 * answer as the services do: each section's content, the live status from the dashboard projection, a viewer's
 * summary without detail or actions, a provider confined to its own contracts, an owner down leaving only its
 * section "not available", and an officer's action sent to its owner, with its refusal shown next to the field.
 */
@TestPropertySource(properties = "platform.security.enabled=true")
class ContractPageIT extends GatewayITSupport {

    @AutoClose
    static final LocalIssuer issuer = LocalIssuer.startInTemporaryDirectory("gateway-contract-page-issuer");

    @RegisterExtension
    static final StubbedOwners OWNERS = StubbedOwners.oneEach();

    static final String NELFT = UUID.randomUUID().toString();
    static final String SK8SIDE = UUID.randomUUID().toString();
    static final String UNKNOWN = UUID.randomUUID().toString();
    /** A NELFT contract whose kpi-service, history and deep dive do not answer. */
    static final String OWNERS_DOWN = UUID.randomUUID().toString();
    /** A NELFT contract whose contract-service does not answer; the dashboard has it. */
    static final String CONTRACT_SERVICE_DOWN = UUID.randomUUID().toString();
    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", issuer::issuerUri);
        OWNERS.register(registry);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    private WebSession session;

    @BeforeAll
    static void theOwnersAnswer() {
        OwnerStub contract = OWNERS.contract();
        contract.answer("/api/contracts/" + NELFT, 200, JSON, summary(NELFT, "NELFT"));
        contract.answer("/api/contracts/" + SK8SIDE, 200, JSON, summary(SK8SIDE, "Sk8side"));
        contract.answer("/api/contracts/" + OWNERS_DOWN, 200, JSON, summary(OWNERS_DOWN, "NELFT"));
        contract.answer("/api/contracts/" + CONTRACT_SERVICE_DOWN, 503, PROBLEM, "{\"status\":503}");
        contract.answer("/api/contracts/" + UNKNOWN, 404, PROBLEM, """
                {"title":"Not found","status":404,"detail":"No contract %s"}""".formatted(UNKNOWN));
        contract.answer("/api/contracts/" + NELFT + "/history", 200, JSON, """
                [{"eventId":"e0","sequence":0,"type":"ContractRegistered","time":"2016-03-01T09:00:00Z",
                  "actor":"officer.jones","summary":"Registered for NELFT, Ashford, £250,000.00 a year","fields":{"provider":"NELFT"}},
                 {"eventId":"e1","sequence":1,"type":"ContractWarningIssued","time":"2018-07-02T10:00:00Z",
                  "actor":"officer.jones","summary":"Warning 1: returns late","fields":{}},
                 {"eventId":"e2","sequence":2,"type":"EscalationDue","time":"2018-07-03T10:00:00Z",
                  "actor":"system","summary":"Three red months: escalation due","fields":{}}]""");
        contract.answer("/api/contracts/" + OWNERS_DOWN + "/history", 500, PROBLEM, "{\"status\":500}");
        contract.answer("/api/contracts/" + NELFT + "/warnings", 400, PROBLEM, """
                {"type":"https://commissioning.example/problems/validation","title":"Invalid request","status":400,
                 "detail":"responseDeadline: must not be before today","rule":"deadline-not-past",
                 "errors":[{"field":"responseDeadline","message":"must not be before today"}]}""");
        contract.answer("/api/contracts/" + NELFT + "/plans", 409, PROBLEM, """
                {"title":"Conflict","status":409,"detail":"A plan is already open","rule":"one-open-plan",
                 "currentState":"IMPROVEMENT_PLAN_OPEN"}""");

        OwnerStub kpi = OWNERS.kpi();
        kpi.answer("/api/kpi/contracts/" + NELFT + "/framework", 200, JSON, """
                {"contractId":"%s","version":1,"effectiveFrom":"2018-04","kpis":[
                  {"code":"ENGAGED","name":"Families engaged","unit":"PERCENT","direction":"HIGHER_IS_BETTER",
                   "headline":true,"expectedSource":"BOTH","bands":[
                    {"rating":"RED","upper":80,"upperInclusive":false},
                    {"rating":"AMBER","lower":80,"lowerInclusive":true,"upper":90,"upperInclusive":false},
                    {"rating":"GREEN","lower":90,"lowerInclusive":true}]},
                  {"code":"WAIT","name":"Days to first visit","unit":"DAYS","direction":"LOWER_IS_BETTER",
                   "headline":false,"expectedSource":"PROVIDER","bands":[
                    {"rating":"GREEN","upper":10,"upperInclusive":true},
                    {"rating":"RED","lower":10,"lowerInclusive":false}]}],
                 "versions":[{"version":1,"effectiveFrom":"2018-04"}]}""".formatted(NELFT));
        kpi.answer(returnPath(NELFT, "2018-04"), 200, JSON, monthlyReturn("2018-04", """
                {"kpiCode":"ENGAGED","district":null,"unit":"PERCENT","value":92.5,"band":"GREEN",
                 "original":{"value":88,"band":"AMBER"},"corrections":[{"eventId":"c1","from":{"value":88},
                 "to":{"value":92.5},"reason":"late visits added","correctedBy":"provider.nelft"}],
                 "council":{"value":92.5,"band":"GREEN"},"validation":"VALIDATED"},
                {"kpiCode":"ENGAGED","district":"Ashford","unit":"PERCENT","value":50,"band":"RED"},
                {"kpiCode":"WAIT","district":null,"unit":"DAYS","value":7,"band":"GREEN"}"""));
        kpi.answer(returnPath(NELFT, "2018-05"), 200, JSON, monthlyReturn("2018-05", """
                {"kpiCode":"ENGAGED","district":null,"unit":"PERCENT","value":85,"band":"AMBER",
                 "council":{"value":70,"band":"RED"},"validation":"NOT_VALIDATED"},
                {"kpiCode":"WAIT","district":null,"unit":"DAYS","value":12,"band":"RED"}"""));
        kpi.answer(returnPath(NELFT, "2018-06"), 404, PROBLEM, "{\"status\":404,\"detail\":\"No return\"}");
        kpi.answer("/api/kpi/contracts/" + OWNERS_DOWN + "/framework", 503, PROBLEM, "{\"status\":503}");

        OwnerStub rag = OWNERS.rag();
        String ratings = """
                {"contractId":"%s","current":"AMBER","periods":[
                  {"type":"ContractRated","period":"2018-04","rating":"GREEN","basis":"COMPUTED","provisional":false},
                  {"type":"ContractRated","period":"2018-05","rating":"AMBER","basis":"COMPUTED","provisional":true,
                   "notValidated":["ENGAGED"]},
                  {"type":"RagOverridden","period":"2018-06","rating":"RED","basis":"OFFICER"}],
                 "trajectory":{"type":"TrajectoryAssessed","period":"2018-05","trend":"DECLINING",
                  "projectedRating":"RED","horizonMonths":3,"projections":[{"kpiCode":"ENGAGED","fittedValue":85.4,
                  "projectedValue":64.9}]}}""";
        rag.answer("/api/ratings/contracts/" + NELFT + "/ratings", 200, JSON, ratings.formatted(NELFT));
        rag.answer("/api/ratings/contracts/" + OWNERS_DOWN + "/ratings", 200, JSON, ratings.formatted(OWNERS_DOWN));

        OWNERS.deepdive().answer("/api/deepdives/contracts/" + NELFT + "/deep-dives/2018", 200, JSON, """
                {"deepDiveId":"%s:2018","programmeYear":2018,"status":"COMPLETE","dueDate":"2018-05-31",
                 "leadOfficer":"officer.jones","overallGrade":"REQUIRES_IMPROVEMENT","rationale":"Outcomes not evidenced",
                 "areas":[{"number":1,"title":"Outcomes for families","grade":"INADEQUATE","findings":"No outcome data"}],
                 "strengths":["Engaged staff"],"actions":[{"description":"Report outcomes monthly","owner":"NELFT",
                 "dueDate":"2018-09-30"}],"completedOn":"2018-06-10"}""".formatted(NELFT));
        OWNERS.deepdive().answer("/api/deepdives/contracts/" + OWNERS_DOWN + "/deep-dives/2018", 503, PROBLEM,
                "{\"status\":503}");
    }

    @BeforeEach
    void dashboardRowsAndABrowser() {
        mongo.save(row(NELFT, "NELFT", "AMBER"), DashboardProjection.COLLECTION);
        mongo.save(row(SK8SIDE, "Sk8side", "GREEN"), DashboardProjection.COLLECTION);
        mongo.save(row(OWNERS_DOWN, "NELFT", "GREEN"), DashboardProjection.COLLECTION);
        mongo.save(row(CONTRACT_SERVICE_DOWN, "NELFT", "RED"), DashboardProjection.COLLECTION);
        session = new WebSession(port);
    }

    /** The gateway's ITs share one database: the programme and overview tests count every row. */
    @AfterEach
    void dashboardRowsGo() {
        mongo.remove(Query.query(Criteria.where("_id").in(NELFT, SK8SIDE, OWNERS_DOWN, CONTRACT_SERVICE_DOWN)),
                DashboardProjection.COLLECTION);
    }

    @Test
    void showsAnOfficerEachSectionOfTheContract() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");

        HttpResponse<String> response = session.get("/contracts/" + NELFT);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("NELFT");
        assertThat(page.selectFirst("[data-testid=facts]").text()).contains("Family support", "DISTRICT: Ashford",
                "£250,000", "1 April 2016 to 31 March 2019", "Sam Jones", "Alex Brown");
        Element status = page.getElementById("contract-status");
        assertThat(status.attr("hx-get")).isEqualTo("/contracts/" + NELFT + "/fragments/status");
        assertThat(status.attr("hx-trigger")).isEqualTo("sse:contract-" + NELFT);
        assertThat(status.attr("hx-swap")).isEqualTo("innerHTML");
        assertThat(page.body().attr("sse-connect")).isEqualTo("/events");
        assertThat(page.select("[sse-connect]")).hasSize(1);
        assertThat(status.selectFirst("[data-testid=rating]").text()).isEqualTo("Amber");
        assertThat(status.selectFirst("[data-testid=rating]").hasClass("govuk-tag--yellow")).isTrue();
        assertThat(status.selectFirst("[data-testid=trajectory]").text()).isEqualTo(
                "DECLINING, projected RED in 3 months");

        assertThat(page.select("[data-testid=timeline] li").eachAttr("data-type")).containsExactly(
                "ContractRegistered", "ContractWarningIssued", "EscalationDue");
        assertThat(page.selectFirst("[data-testid=timeline]").text()).contains("Contract warning issued",
                "Warning 1: returns late", "by officer.jones", "Escalation due");

        Element scorecard = page.selectFirst("[data-testid=scorecard]");
        assertThat(scorecard.select("thead th").eachText()).containsExactly("KPI", "2018-04", "2018-05", "2018-06");
        Element engagedApril = cell(scorecard, "ENGAGED", "2018-04");
        assertThat(engagedApril.text()).contains("92.5%", "Green", "Provider and council",
                "Corrected from 88% by provider.nelft: late visits added").doesNotContain("not validated");
        assertThat(engagedApril.selectFirst(".govuk-tag").hasClass("govuk-tag--green")).isTrue();
        Element engagedMay = cell(scorecard, "ENGAGED", "2018-05");
        assertThat(engagedMay.text()).contains("85%", "Amber", "not validated");
        assertThat(engagedMay.selectFirst(".govuk-tag").hasClass("govuk-tag--yellow")).isTrue();
        assertThat(cell(scorecard, "WAIT", "2018-05").selectFirst(".govuk-tag.govuk-tag--red").text()).isEqualTo("Red");
        assertThat(cell(scorecard, "ENGAGED", "2018-06").text()).isEqualTo("No return");
        assertThat(scorecard.selectFirst("tr[data-kpi=ENGAGED] th").text()).contains("headline",
                "RED below 80%; AMBER from 80% below 90%; GREEN from 90%");
        assertThat(cell(scorecard, "RATING", "2018-05").text()).isEqualTo("Amber provisional");
        assertThat(cell(scorecard, "RATING", "2018-06").text()).isEqualTo("Red officer");

        JsonNode chart = new ObjectMapper().readTree(page.selectFirst("[data-testid=chart-data]").attr("data-chart"));
        assertThat(chart.path("months").toString()).isEqualTo(
                "[\"2018-04\",\"2018-05\",\"2018-06\",\"2018-07\",\"2018-08\"]");
        assertThat(chart.path("rating").path("values").toString()).isEqualTo("[3,2,1,null,null]");
        assertThat(chart.path("rating").path("projection").toString()).isEqualTo("[null,2,null,null,1]");
        assertThat(chart.path("kpis")).hasSize(1);
        JsonNode engaged = chart.path("kpis").get(0);
        assertThat(engaged.path("values").toString()).isEqualTo("[92.5,85,null,null,null]");
        assertThat(engaged.path("projection").toString()).isEqualTo("[null,85.4,null,null,64.9]");
        assertThat(engaged.path("thresholds").findValuesAsText("label")).containsExactly("AMBER from 80%",
                "GREEN from 90%");
        assertThat(page.select("script[src]").eachAttr("src")).contains("/ui/contract.js")
                .anyMatch(src -> src.matches("/webjars/chart\\.js/4\\.5\\.1/dist/chart\\.umd\\.min\\.js"));
        assertThat(page.selectFirst("[data-testid=projection]").text()).isEqualTo(
                "Trajectory: DECLINING, projected RED by 2018-08.");

        Element payments = page.selectFirst("[data-testid=payments]");
        assertThat(payments.selectFirst("tr[data-period=2018-05]").text()).contains("WITHHELD",
                "Return late and incomplete", "20 Jun 2018");
        assertThat(payments.selectFirst("tr[data-period=2018-04]").text()).contains("No decision");

        assertThat(page.selectFirst("[data-testid=deep-dive]").text()).contains("2018-19", "COMPLETE",
                "REQUIRES_IMPROVEMENT", "Outcomes not evidenced");
        assertThat(page.text()).contains("1. Outcomes for families", "Report outcomes monthly (NELFT, by 2018-09-30)");

        assertThat(page.selectFirst("[data-testid=officer-actions]").select("form").eachAttr("action"))
                .containsExactly("/contracts/" + NELFT + "/override", "/contracts/" + NELFT + "/meetings",
                        "/contracts/" + NELFT + "/plans", "/contracts/" + NELFT + "/warnings",
                        "/contracts/" + NELFT + "/payments");
        assertThat(page.select("label[for=override-rationale]")).hasSize(1);
    }

    @Test
    void showsAViewerTheSummaryAndRatingWithoutDetailOrActions() throws Exception {
        signIn(DemoUsers.VIEWER, "viewer-secret");

        HttpResponse<String> response = session.get("/contracts/" + NELFT);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("[data-testid=facts]").text()).contains("NELFT", "£250,000");
        assertThat(page.selectFirst("[data-testid=rating]").text()).isEqualTo("Amber");
        assertThat(page.selectFirst("[data-testid=summary-only]")).isNotNull();
        assertThat(page.select("[data-testid=scorecard], [data-testid=timeline], [data-testid=payments], "
                + "[data-testid=deep-dive], [data-testid=officer-actions], form[action^=/contracts]")).isEmpty();
    }

    @Test
    void refusesAViewersPostedActionWithoutSendingIt() throws Exception {
        signIn(DemoUsers.VIEWER, "viewer-secret");
        session.get("/contracts/" + NELFT);
        int before = OWNERS.rag().received().size();

        HttpResponse<String> refused = session.post("/contracts/" + NELFT + "/override",
                Map.of("period", "2018-05", "rating", "RED", "rationale", "viewer tries"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(OWNERS.rag().received()).hasSize(before);
    }

    @Test
    void showsAProviderItsOwnContractAndAnotherProvidersAsTheNotFoundPage() throws Exception {
        signIn(DemoUsers.NELFT, "nelft-secret");

        HttpResponse<String> own = session.get("/contracts/" + NELFT);
        HttpResponse<String> others = session.get("/contracts/" + SK8SIDE);
        HttpResponse<String> unknown = session.get("/contracts/" + UNKNOWN);
        HttpResponse<String> othersStatus = session.get("/contracts/" + SK8SIDE + "/fragments/status");

        assertThat(own.statusCode()).isEqualTo(200);
        Document ownPage = Jsoup.parse(own.body());
        assertThat(ownPage.selectFirst("[data-testid=scorecard]")).isNotNull();
        assertThat(ownPage.selectFirst("[data-testid=officer-actions]")).isNull();
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(others.body()).select("main").text())
                .isEqualTo(Jsoup.parse(unknown.body()).select("main").text()).contains("Page not found");
        assertThat(others.body()).doesNotContain("Sk8side");
        assertThat(othersStatus.body()).doesNotContain("Green").contains("Not rated");
    }

    @Test
    void answersANonContractIdWithTheNotFoundPage() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");

        HttpResponse<String> page = session.get("/contracts/not-a-contract");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
    }

    @Test
    void showsTheRestOfThePageWhenOwnersDoNotAnswer() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");

        HttpResponse<String> response = session.get("/contracts/" + OWNERS_DOWN);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("[data-testid=facts]").text()).contains("NELFT");
        assertThat(page.selectFirst("[data-testid=scorecard-unavailable]").text())
                .isEqualTo("Not available: kpi-service did not answer. Try again later.");
        assertThat(page.selectFirst("[data-testid=timeline-unavailable]").text()).contains("contract-service");
        assertThat(page.text()).contains("Not available: deepdive-service did not answer.");
        assertThat(page.selectFirst("[data-testid=payments]")).isNotNull();
    }

    @Test
    void showsTheDashboardsFactsWhileContractServiceDoesNotAnswer() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");

        HttpResponse<String> response = session.get("/contracts/" + CONTRACT_SERVICE_DOWN);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.text()).contains("contract-service did not answer: these facts are the dashboard’s.",
                "Not available: contract-service did not answer.");
        assertThat(page.selectFirst("[data-testid=facts]").text()).contains("NELFT", "£250,000", "Ashford");
        assertThat(page.selectFirst("[data-testid=rating]").text()).isEqualTo("Red");
        assertThat(page.selectFirst("[data-testid=payments]")).isNull();
        assertThat(page.selectFirst("[data-testid=projection]")).as("rag-service has no trajectory here").isNull();
    }

    @Test
    void sendsAnOfficersOverrideToRagServiceAndShowsTheBanner() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");
        session.get("/contracts/" + NELFT);

        HttpResponse<String> done = session.post("/contracts/" + NELFT + "/override",
                Map.of("period", "2018-05", "rating", "RED", "rationale", "Safeguarding concerns"));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.uri().getPath()).isEqualTo("/contracts/" + NELFT);
        assertThat(Jsoup.parse(done.body()).selectFirst("[data-testid=done]").text())
                .isEqualTo("The rating of 2018-05 was overridden");
        OwnerStub.Received sent = OWNERS.rag().last("/api/ratings/contracts/" + NELFT + "/periods/2018-05/override");
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(new ObjectMapper().readTree(sent.body())).isEqualTo(new ObjectMapper().readTree(
                "{\"rating\":\"RED\",\"rationale\":\"Safeguarding concerns\"}"));
        assertThat(sent.header("Authorization")).startsWith("Bearer ");
        assertThat(session.get("/contracts/" + NELFT).body()).doesNotContain("data-testid=\"done\"");
    }

    @Test
    void showsTheOwnersRefusalNextToTheFieldWithTheValuesTyped() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");
        session.get("/contracts/" + NELFT);

        HttpResponse<String> refused = session.post("/contracts/" + NELFT + "/warnings",
                Map.of("reasons", "Returns late\nNo outcome data", "responseDeadline", "2018-01-01"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".govuk-error-summary a").eachText())
                .containsExactly("Response deadline: must not be before today");
        assertThat(page.selectFirst(".govuk-error-summary a").attr("href")).isEqualTo("#warning-responseDeadline");
        Element field = page.getElementById("warning-responseDeadline");
        assertThat(field.val()).isEqualTo("2018-01-01");
        assertThat(field.hasClass("govuk-input--error")).isTrue();
        assertThat(field.parent().hasClass("govuk-form-group--error")).isTrue();
        assertThat(page.getElementById("warning-responseDeadline-error").text())
                .isEqualTo("Error: must not be before today");
        assertThat(page.getElementById("warning-reasons").text()).isEqualTo("Returns late\nNo outcome data");
        assertThat(page.selectFirst("details:has(#warning-reasons)").hasAttr("open")).isTrue();
        assertThat(new ObjectMapper().readTree(OWNERS.contract().last("/api/contracts/" + NELFT + "/warnings").body()))
                .isEqualTo(new ObjectMapper().readTree(
                        "{\"reasons\":[\"Returns late\",\"No outcome data\"],\"responseDeadline\":\"2018-01-01\"}"));
    }

    @Test
    void showsAConflictWithTheCurrentStateAndTheOwnersStatus() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");
        session.get("/contracts/" + NELFT);

        HttpResponse<String> refused = session.post("/contracts/" + NELFT + "/plans", Map.of("kind",
                "IMPROVEMENT_PLAN", "reason", "Red for three months", "actionDescription", "Weekly visits",
                "actionOwner", "NELFT", "actionDueDate", "2018-08-31"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).selectFirst("[data-testid=error-summary]").text())
                .isEqualTo("A plan is already open (current state: IMPROVEMENT_PLAN_OPEN)");
    }

    @Test
    void refusesAMissingMonthItselfWithoutAskingTheOwner() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");
        session.get("/contracts/" + NELFT);
        int before = OWNERS.contract().received().size();

        HttpResponse<String> refused = session.post("/contracts/" + NELFT + "/payments",
                Map.of("period", "", "decision", "WITHHELD", "rationale", "No return"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.getElementById("payment-period-error").text()).contains("for example 2018-05");
        assertThat(page.selectFirst("#payment-decision option[selected]").val()).isEqualTo("WITHHELD");
        assertThat(OWNERS.contract().received().stream().skip(before)
                .filter(r -> r.method().equals("POST"))).isEmpty();
    }

    @Test
    void servesTheLiveStatusFromTheDashboardProjection() throws Exception {
        signIn(DemoUsers.OFFICER, "officer-secret");
        mongo.save(row(NELFT, "NELFT", "RED"), DashboardProjection.COLLECTION);

        HttpResponse<String> fragment = session.htmx("GET", "/contracts/" + NELFT + "/fragments/status");

        assertThat(fragment.statusCode()).isEqualTo(200);
        Document html = Jsoup.parseBodyFragment(fragment.body());
        Element status = html.body();
        assertThat(html.getElementById("contract-status")).as("only the region's content, swapped into it").isNull();
        assertThat(status.selectFirst("[data-testid=rating]").text()).isEqualTo("Red");
        assertThat(status.selectFirst("[data-testid=cadence]").text()).isEqualTo("Monthly");
        assertThat(fragment.body()).doesNotContain("<html");
    }

    private void signIn(String user, String password) throws Exception {
        // a provider lands on its portal, another page of the service
        assertThat(session.signIn(user, password).uri().getPath()).isNotEqualTo("/login");
    }

    private static Element cell(Element scorecard, String kpi, String month) {
        return scorecard.selectFirst("tr[data-kpi=" + kpi + "] td[data-month=" + month + "]");
    }

    private static String returnPath(String contract, String period) {
        return "/api/kpi/contracts/" + contract + "/returns/" + period;
    }

    private static String monthlyReturn(String period, String values) {
        return """
                {"id":"x:%s","period":"%s","frameworkVersion":1,"values":[%s]}""".formatted(period, period, values);
    }

    private static String summary(String id, String provider) {
        return """
                {"id":"%s","provider":"%s","serviceArea":"FAMILY_SUPPORT","lot":{"scope":"DISTRICT","names":["Ashford"]},
                 "areas":["South"],"districts":["Ashford"],"annualValueGbp":250000.00,"start":"2016-04-01",
                 "end":"2019-03-31","extensionMonths":12,"extensionUsed":false,"status":"ACTIVE","rag":"AMBER",
                 "leadOfficer":"Sam Jones","contractManager":"Alex Brown","openPlan":null,"warnings":[],
                 "payments":{"2018-05":{"decision":"WITHHELD","rationale":"Return late and incomplete",
                 "decidedOn":"2018-06-20"}},"ratedPeriod":"2018-06",
                 "monitoring":{"cadence":"BI_MONTHLY","nextMeetingDue":"2018-08-31","meetingsHeld":2},"version":7}"""
                .formatted(id, provider);
    }

    private static DashboardContract row(String id, String provider, String rag) {
        String cadence = switch (rag) {
            case "RED" -> "MONTHLY";
            case "AMBER" -> "BI_MONTHLY";
            default -> "QUARTERLY";
        };
        return new DashboardContract(id, provider, "FAMILY_SUPPORT", "DISTRICT", List.of("South"), List.of("Ashford"),
                new BigDecimal("250000.00"), LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31),
                DashboardContract.ACTIVE, cadence, rag, YearMonth.of(2018, 6), "COMPUTED",
                new DashboardTrajectory("DECLINING", "RED", 3, "COMPUTED", YearMonth.of(2018, 5), null),
                Instant.parse("2016-03-01T09:00:00Z"), 3, "e2", 5L, List.of(), false, 1L,
                Map.of(DashboardDeepDive.key(2018), new DashboardDeepDive(2018, DashboardDeepDive.COMPLETE,
                        LocalDate.of(2018, 5, 31), "REQUIRES_IMPROVEMENT", LocalDate.of(2018, 6, 10), false, null)),
                null, null, null, null, List.of(), null);
    }
}
