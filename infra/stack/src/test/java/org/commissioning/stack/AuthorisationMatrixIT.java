package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.bson.Document;
import org.commissioning.identity.DemoUsers;
import org.commissioning.identity.IssuerKey;
import org.commissioning.stack.WriteEndpoints.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Who may call what, for every endpoint of the running platform. The endpoints are not listed here: they are read
 * from each service's own request mappings ({@code /actuator/mappings}, as the operator), so a new endpoint cannot
 * escape; each must have an expectation in {@link #EXPECTED} or the test fails. Every endpoint is called through the
 * gateway as an officer, an auditor, a viewer, an operator, the provider that owns the contract and another provider,
 * and, at the gateway and at the owning service's own port, with no token, an expired token, a token of another
 * issuer and a token signed with another key. The summary is printed and written to
 * {@code target/authorisation-matrix.txt}.
 */
class AuthorisationMatrixIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SERVICES = List.of("gateway", "contract-service", "kpi-service", "rag-service",
            "deepdive-service");
    static final List<String> EVENT_STORES = List.of("contracts", "kpi", "ratings", "deepdives");
    static final String OWNER_PROVIDER = "NELFT";
    static final String PERIOD = "2025-05";
    /** The assessment year of the target contract (from 2024-04) whose performance notice is drafted before the calls. */
    static final String NOTICE_YEAR = "2025-04";
    /**
     * The deep-dive programme year opened before the calls, so the target contract has a deep dive in it. Every
     * contract registered later whose term overlaps it joins it, on the shared stack too: not 2018 (the demo's) nor
     * 2025-2027, where MalformedRequestsProperties plans deep dives of its own for the contracts it registers.
     */
    static final String DEEP_DIVE_YEAR = "2024";

    /** Who calls, as the local issuer's demo users. */
    enum Persona {
        OFFICER(DemoUsers.OFFICER),
        AUDITOR(DemoUsers.AUDITOR),
        VIEWER(DemoUsers.VIEWER),
        OPERATOR(DemoUsers.OPERATOR),
        OWNER(DemoUsers.NELFT),
        OTHER_PROVIDER(DemoUsers.SK8SIDE);

        final String user;

        Persona(String user) {
            this.user = user;
        }
    }

    /** Who may, as issue 11 and SECURITY.md say, independently of the code that enforces it. */
    enum Rule {
        OFFICER_ONLY(Set.of(Persona.OFFICER)),
        RETURNS(Set.of(Persona.OFFICER, Persona.OWNER)),
        SUMMARIES(Set.of(Persona.OFFICER, Persona.OWNER, Persona.AUDITOR, Persona.VIEWER)),
        DETAIL(Set.of(Persona.OFFICER, Persona.OWNER, Persona.AUDITOR)),
        AUDIT(Set.of(Persona.OFFICER, Persona.AUDITOR)),
        OPERATIONS(Set.of(Persona.OPERATOR)),
        PUBLIC(Set.of(Persona.values())),
        /**
         * A web page of the gateway: only for a person signed in with a browser session (whose role rules the gateway's
         * page tests check with real sessions). A bearer token, a bad one or none is no session: a read is sent to
         * sign in (302 to the issuer's authorization), a write is refused by the CSRF check (403) or sent to sign in;
         * neither answers anything of a contract.
         */
        PAGE(Set.of());

        final Set<Persona> allowed;

        Rule(Set<Persona> allowed) {
            this.allowed = allowed;
        }
    }

    /** How a provider is confined: not at all, to its own contract (another's is 404), or a list cut to its own. */
    enum Scope { NONE, CONTRACT, LIST }

    record Expectation(Rule rule, Scope scope) {
    }

    static final Expectation PAGE = new Expectation(Rule.PAGE, Scope.NONE);

    /**
     * Per {@code METHOD path} (path variables as {@code {}}); the actuator's per service, the rest once. The web pages
     * are known by their paths ({@link Mapping#page()}) and expected as {@link Rule#PAGE}.
     */
    static final Map<String, Expectation> EXPECTED = new LinkedHashMap<>();

    static {
        Expectation officer = new Expectation(Rule.OFFICER_ONLY, Scope.NONE);
        for (String write : List.of("POST /api/contracts", "POST /api/contracts/{}/variations",
                "POST /api/contracts/{}/extension", "PUT /api/contracts/{}/officers", "POST /api/contracts/{}/termination",
                "POST /api/contracts/{}/expiry", "POST /api/contracts/{}/recommissioning", "POST /api/contracts/{}/plans",
                "POST /api/contracts/{}/plans/current/closure", "POST /api/contracts/{}/warnings",
                "POST /api/contracts/{}/meetings", "POST /api/contracts/{}/payments/{}/authorisation",
                "POST /api/contracts/{}/payments/{}/withholding", "PUT /api/kpi/contracts/{}/framework",
                "POST /api/kpi/contracts/{}/returns/{}/council-figures",
                "POST /api/kpi/contracts/{}/returns/{}/council-figures/csv",
                "POST /api/kpi/contracts/{}/returns/{}/discrepancies/{}/resolution",
                "POST /api/ratings/contracts/{}/periods/{}/override", "POST /api/ratings/contracts/{}/trajectory",
                "POST /api/ratings/contracts/{}/performance-notices/{}/draft",
                "POST /api/ratings/contracts/{}/performance-notices/{}/confirmation",
                "POST /api/deepdives/programmes/{}", "POST /api/deepdives/contracts/{}/deep-dives/{}",
                "PUT /api/deepdives/contracts/{}/deep-dives/{}/schedule",
                "POST /api/deepdives/contracts/{}/deep-dives/{}/start",
                "PUT /api/deepdives/contracts/{}/deep-dives/{}/areas/{}",
                "POST /api/deepdives/contracts/{}/deep-dives/{}/completion",
                "POST /api/deepdives/contracts/{}/deep-dives/{}/historic-completion",
                "POST /api/deepdives/contracts/{}/deep-dives/{}/cancellation")) {
            EXPECTED.put(write, officer);
        }
        for (String submit : List.of("POST /api/kpi/contracts/{}/returns", "POST /api/kpi/contracts/{}/returns/{}/csv",
                "POST /api/kpi/contracts/{}/returns/{}/corrections")) {
            EXPECTED.put(submit, new Expectation(Rule.RETURNS, Scope.CONTRACT));
        }
        for (String list : List.of("GET /api/contracts", "GET /api/kpi/contracts", "GET /api/ratings/contracts",
                "GET /api/deepdives/contracts", "GET /api/dashboard/contracts", "GET /api/dashboard/summary",
                "GET /api/dashboard/deepdives", "GET /api/deepdives/programmes/{}", "GET /api/dashboard/overview",
                "GET /api/dashboard/rating-table", "GET /api/dashboard/rating-table.csv",
                "GET /api/dashboard/rating-table.xlsx")) {
            EXPECTED.put(list, new Expectation(Rule.SUMMARIES, Scope.LIST));
        }
        for (String summary : List.of("GET /api/contracts/{}", "GET /api/kpi/contracts/{}",
                "GET /api/ratings/contracts/{}", "GET /api/deepdives/contracts/{}")) {
            EXPECTED.put(summary, new Expectation(Rule.SUMMARIES, Scope.CONTRACT));
        }
        for (String detail : List.of("GET /api/contracts/{}/history", "GET /api/kpi/contracts/{}/framework",
                "GET /api/kpi/contracts/{}/returns/{}", "GET /api/kpi/contracts/{}/returns/overdue",
                "GET /api/kpi/contracts/{}/returns/template.csv", "GET /api/kpi/contracts/{}/ytd",
                "GET /api/ratings/contracts/{}/ratings", "GET /api/ratings/contracts/{}/performance-notices",
                "GET /api/ratings/contracts/{}/performance-notices/{}",
                "GET /api/deepdives/contracts/{}/deep-dives/{}")) {
            EXPECTED.put(detail, new Expectation(Rule.DETAIL, Scope.CONTRACT));
        }
        EXPECTED.put("GET /api/ratings/contracts/{}/rederivation", new Expectation(Rule.AUDIT, Scope.NONE));
        for (String evidence : List.of("/api/contracts/{}/evidence", "/api/kpi/contracts/{}/evidence",
                "/api/ratings/contracts/{}/evidence", "/api/deepdives/contracts/{}/evidence",
                "/api/audit/contracts/{}/evidence-pack")) {
            EXPECTED.put("GET " + evidence, new Expectation(Rule.AUDIT, Scope.NONE));
        }
        for (String prefix : List.of("/api/contracts", "/api/kpi", "/api/ratings", "/api/deepdives")) {
            for (String read : List.of("/history-chain/streams/{}/verification", "/history-chain/streams/{}/export",
                    "/history-chain/streams/{}/consistency", "/history-chain/streams/{}/seals",
                    "/history-chain/seal-keys")) {
                EXPECTED.put("GET " + prefix + read, new Expectation(Rule.AUDIT, Scope.NONE));
            }
            EXPECTED.put("POST " + prefix + "/history-chain/seals", new Expectation(Rule.OPERATIONS, Scope.NONE));
        }
        // the page a person lands on after signing out says so and nothing else
        EXPECTED.put("GET /signed-out", new Expectation(Rule.PUBLIC, Scope.NONE));
        EXPECTED.put("GET /actuator/health", new Expectation(Rule.PUBLIC, Scope.NONE));
        EXPECTED.put("GET /actuator/health/{}", new Expectation(Rule.PUBLIC, Scope.NONE));
        EXPECTED.put("GET /actuator/health/**", new Expectation(Rule.PUBLIC, Scope.NONE));
        // the integrators' docs (springdoc on every service): the OpenAPI description and the Swagger UI hold no data
        for (String docs : List.of("GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config",
                "GET /swagger-ui.html")) {
            EXPECTED.put(docs, new Expectation(Rule.PUBLIC, Scope.NONE));
        }
        for (String operations : List.of("GET /actuator", "GET /actuator/info", "GET /actuator/prometheus",
                "GET /actuator/metrics", "GET /actuator/metrics/{}", "GET /actuator/relay", "POST /actuator/relay",
                "POST /actuator/redelivery", "GET /actuator/rebuild", "POST /actuator/rebuild", "DELETE /actuator/rebuild",
                "GET /actuator/deadletters", "GET /actuator/deadletters/{}", "POST /actuator/deadletters",
                "DELETE /actuator/deadletters/{}/{}", "GET /actuator/deadletteredrecords",
                "GET /actuator/deadletteredrecords/{}", "POST /actuator/deadletteredrecords",
                "DELETE /actuator/deadletteredrecords/{}/{}/{}", "GET /actuator/mappings")) {
            EXPECTED.put(operations, new Expectation(Rule.OPERATIONS, Scope.NONE));
        }
    }

    /** What each path variable is called with: the target contract, a month with a return, the framework's KPI. */
    static final Map<String, String> PATH_VALUES = Map.of(
            "period", PERIOD, "yearFrom", NOTICE_YEAR, "kpiCode", "ATTEND", "requiredMetricName", "jvm.threads.live",
            "*path", "liveness", "year", DEEP_DIVE_YEAR, "area", "9");
    static final Map<String, String> QUERIES = Map.of(
            "GET /api/kpi/contracts/{}/ytd", "?financialYear=2025",
            "GET /api/dashboard/deepdives", "?year=2018");

    static LocalStack stack;
    static StackOptions options;
    static MongoClient mongo;
    static final Map<Persona, ClientCredentials> USERS = new EnumMap<>(Persona.class);
    static final Map<String, String> BAD_TOKENS = new LinkedHashMap<>();
    static final String TARGET = UUID.randomUUID().toString();

    @BeforeAll
    static void aContractOfTheOwningProviderOnTheSharedStack() throws Exception {
        stack = SharedStack.get();
        options = SharedStack.options();
        mongo = MongoClients.create("mongodb://127.0.0.1:" + options.mongoPort());
        for (Persona persona : Persona.values()) {
            USERS.put(persona, stack.credentials(persona.user));
        }
        badTokens();
        Map<String, Endpoint> writes = WriteEndpoints.all().stream().collect(Collectors.toMap(Endpoint::name, e -> e));
        Endpoint register = writes.get("register contract");
        assertAccepted(register, register.body().replace("{registerId}", TARGET)
                .replace("Property Tester Ltd", OWNER_PROVIDER));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                call(Persona.OFFICER, "GET", "/api/kpi/contracts/" + TARGET, null, null).statusCode() == 200
                        && call(Persona.OFFICER, "GET", "/api/ratings/contracts/" + TARGET + "/ratings", null, null)
                        .statusCode() == 200
                        && call(Persona.OFFICER, "GET", "/api/deepdives/contracts/" + TARGET, null, null)
                        .statusCode() == 200);
        for (String name : List.of("define or revise KPI framework", "submit return", "record council figures")) {
            assertAccepted(writes.get(name), writes.get(name).body());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                call(Persona.OFFICER, "GET", "/api/ratings/contracts/" + TARGET + "/ratings", null, null).body()
                        .contains("\"" + PERIOD + "\"")
                        && call(Persona.OFFICER, "GET", "/api/dashboard/contracts", null, null).body().contains(TARGET));
        assertAccepted(writes.get("draft performance notice"), null);
        HttpResponse<String> opened = call(Persona.OFFICER, "POST", "/api/deepdives/programmes/" + DEEP_DIVE_YEAR,
                null, null);
        assertThat(opened.statusCode()).as("deep-dive programme opened: " + opened.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                call(Persona.OFFICER, "GET", "/api/deepdives/programmes/" + DEEP_DIVE_YEAR, null, null).body()
                        .contains(TARGET));
    }

    @AfterAll
    static void closeTheClient() {
        if (mongo != null) {
            mongo.close();
        }
    }

    record Mapping(String service, int port, String method, String pattern) {

        String key() {
            return method + " " + pattern.replaceAll("\\{[^}]+}", "{}");
        }

        boolean actuator() {
            return pattern.startsWith("/actuator");
        }

        /** A web page: every path of the gateway but its API, the API's description and the actuator. */
        boolean page() {
            return service.equals("gateway") && !pattern.startsWith("/api/") && !pattern.startsWith("/v3/")
                    && !pattern.startsWith("/swagger-ui") && !actuator();
        }
    }

    @Test
    void everyEndpointAnswersEachCallerAsThePolicySaysAndNoneLeaks() throws Exception {
        List<Mapping> mappings = mappings();
        Set<String> unexpected = mappings.stream().filter(m -> !m.page()).map(Mapping::key)
                .filter(k -> !EXPECTED.containsKey(k)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(unexpected).as("endpoints without an expectation in the matrix (add them to EXPECTED)").isEmpty();
        Set<String> businessEndpoints = mappings.stream()
                .filter(m -> !m.actuator() && (!m.page() || EXPECTED.containsKey(m.key()))).map(Mapping::key)
                .collect(Collectors.toSet());
        assertThat(mappings.stream().filter(Mapping::page).map(Mapping::key).toList()).as("the web pages")
                .contains("GET /", "GET /ratings");
        assertThat(EXPECTED.keySet().stream().filter(k -> !k.contains(" /actuator")).collect(Collectors.toSet()))
                .as("expectations of endpoints no service maps any more").isEqualTo(businessEndpoints);

        Map<String, Endpoint> bodies = WriteEndpoints.all().stream()
                .collect(Collectors.toMap(e -> e.method() + " " + e.path().replaceAll("\\{[^}]+}", "{}")
                        .replaceAll("\\d{4}-\\d{2}", "{}").replaceAll("/\\d+(?=/|$)", "/{}")
                        .replace("/ATTEND/", "/{}/"), e -> e));
        long eventsBefore = eventsBy(Set.of(Persona.AUDITOR, Persona.VIEWER, Persona.OPERATOR, Persona.OTHER_PROVIDER));
        Tally tally = new Tally();
        // reads first, then writes, so that the writes the policy allows (a termination, say) come after every read
        List<Mapping> ordered = new ArrayList<>(mappings.stream().filter(m -> m.method().equals("GET")).toList());
        ordered.addAll(mappings.stream().filter(m -> !m.method().equals("GET")).toList());
        for (Mapping mapping : ordered) {
            Expectation expected = mapping.page() && !EXPECTED.containsKey(mapping.key()) ? PAGE
                    : EXPECTED.get(mapping.key());
            String path = mapping.pattern().startsWith("/actuator/deadletteredrecords/")
                    ? concrete(mapping).replaceFirst("/actuator/deadletteredrecords/" + TARGET,
                    "/actuator/deadletteredrecords/" + deadLetterTopicOf(mapping))
                    : concrete(mapping);
            Endpoint write = bodies.get(mapping.key());
            String body = write == null ? (mapping.method().equals("GET") ? null : "{}")
                    : write.body() == null ? null : write.body().replace("{registerId}", UUID.randomUUID().toString());
            String type = write != null && write.csv() ? "text/csv" : body == null ? null : "application/json";
            tally.endpoints++;
            // the refused first, so that what an allowed write changes cannot be what refuses them
            List<Persona> personas = new ArrayList<>(List.of(Persona.values()));
            personas.sort((a, b) -> Boolean.compare(expected.rule().allowed.contains(a) && a != Persona.OTHER_PROVIDER,
                    expected.rule().allowed.contains(b) && b != Persona.OTHER_PROVIDER));
            for (Persona persona : personas) {
                HttpResponse<String> response = mapping.actuator()
                        ? direct(USERS.get(persona).authorization(), mapping.port(), mapping.method(), path, type, body)
                        : call(persona, mapping.method(), path, type, body);
                tally.judge(mapping, expected, persona, response);
            }
            for (Map.Entry<String, String> bad : BAD_TOKENS.entrySet()) {
                tally.judgeUnauthenticated(mapping, expected, bad.getKey() + " at the service",
                        direct(bad.getValue(), mapping.port(), mapping.method(), path, type, body));
                if (!mapping.actuator()) {
                    tally.judgeUnauthenticated(mapping, expected, bad.getKey() + " at the gateway",
                            direct(bad.getValue(), options.gatewayPort(), mapping.method(), path, type, body));
                }
            }
        }
        long storedByRefused = eventsBy(Set.of(Persona.AUDITOR, Persona.VIEWER, Persona.OPERATOR,
                Persona.OTHER_PROVIDER)) - eventsBefore;

        String summary = "authorisation matrix: " + tally.endpoints + " endpoints covered (from the services' request "
                + "mappings), " + tally.calls + " calls made, " + tally.crossProvider + " cross-provider accesses "
                + "allowed, " + tally.readOnlyWrites + " writes by auditor or viewer allowed, " + tally.unauthenticated
                + " unauthenticated calls allowed outside health and docs, " + storedByRefused + " events stored by refused "
                + "callers, " + tally.mismatches.size() + " answers not as the policy says"
                + System.lineSeparator() + "  by status: " + new TreeMap<>(tally.statuses) + System.lineSeparator();
        Path file = Path.of("target", "authorisation-matrix.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, summary + String.join(System.lineSeparator(), tally.mismatches)
                + System.lineSeparator());
        System.out.print(summary);
        assertThat(tally.mismatches).as("answers not as the policy says").isEmpty();
        assertThat(tally.crossProvider).isZero();
        assertThat(tally.readOnlyWrites).isZero();
        assertThat(tally.unauthenticated).isZero();
        assertThat(storedByRefused).isZero();
        assertThat(tally.endpoints).isGreaterThanOrEqualTo(EXPECTED.size());
    }

    /** What every call was answered and what of it goes against the policy. */
    static final class Tally {
        int endpoints;
        int calls;
        int crossProvider;
        int readOnlyWrites;
        int unauthenticated;
        final Map<String, Integer> statuses = new TreeMap<>();
        final List<String> mismatches = new ArrayList<>();

        void judge(Mapping mapping, Expectation expected, Persona persona, HttpResponse<String> response) {
            int status = count(response);
            if (expected.rule() == Rule.PAGE) {
                judgePage(mapping, "a bearer token of " + persona, response);
                return;
            }
            boolean refused = status == 401 || status == 403 || status == 404;
            // a list is for another provider too, cut to what it may see
            boolean allowed = expected.rule().allowed.contains(persona) || persona == Persona.OTHER_PROVIDER
                    && expected.scope() == Scope.LIST && expected.rule().allowed.contains(Persona.OWNER);
            String what = mapping.service() + " " + mapping.method() + " " + mapping.pattern() + " as " + persona
                    + ": " + status + " " + abbreviate(response.body());
            boolean write = !mapping.method().equals("GET");
            boolean leaked = false;
            if (persona == Persona.OTHER_PROVIDER) {
                leaked = expected.scope() == Scope.CONTRACT ? !refused
                        : expected.scope() == Scope.LIST && response.body().contains(TARGET);
                if (leaked) {
                    crossProvider++;
                }
            }
            if (write && (persona == Persona.AUDITOR || persona == Persona.VIEWER) && !refused) {
                readOnlyWrites++;
            }
            if (!allowed) {
                int wanted = persona == Persona.OTHER_PROVIDER && expected.scope() == Scope.CONTRACT
                        && expected.rule().allowed.contains(Persona.OWNER) ? 404 : 403;
                if (status != wanted || !isProblem(response)) {
                    mismatches.add("refusal expected (" + wanted + " problem): " + what);
                }
            } else if (leaked) {
                mismatches.add("another provider's contract listed: " + what);
            } else if (refused || status >= 500 || (!write && status != 200 && !isPublicRedirect(expected, status))) {
                mismatches.add((write ? "allowed write refused or failed: " : "200 expected: ") + what);
            }
        }

        void judgeUnauthenticated(Mapping mapping, Expectation expected, String how, HttpResponse<String> response) {
            int status = count(response);
            if (expected.rule() == Rule.PAGE) {
                judgePage(mapping, how, response);
                return;
            }
            if (expected.rule() == Rule.PUBLIC) {
                return;
            }
            if (status != 401) {
                unauthenticated++;
            }
            if (status != 401 || !isProblem(response)
                    || !response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                mismatches.add("401 problem with a Bearer challenge expected: " + mapping.service() + " "
                        + mapping.method() + " " + mapping.pattern() + " with " + how + ": " + status + " "
                        + abbreviate(response.body()));
            }
        }

        /** A page without a browser session: sent to sign in, or (a write) refused; nothing of a contract shown. */
        void judgePage(Mapping mapping, String how, HttpResponse<String> response) {
            int status = response.statusCode();
            // a browser (which asks for HTML) is sent to sign in; any other client without a session gets 401
            boolean toSignIn = status == 401 || status == 302 && response.headers().firstValue("Location").orElse("")
                    .endsWith("/oauth2/authorization/commissioning");
            boolean write = !mapping.method().equals("GET");
            if (!toSignIn && !(write && status == 403)) {
                unauthenticated++;
                mismatches.add("a page without a session must send to sign in" + (write ? " or refuse" : "") + ": "
                        + mapping.method() + " " + mapping.pattern() + " with " + how + ": " + status + " "
                        + abbreviate(response.body()));
            }
            if (response.body().contains(TARGET)) {
                crossProvider++;
                mismatches.add("a page without a session showed a contract: " + mapping.method() + " "
                        + mapping.pattern() + " with " + how);
            }
        }

        private int count(HttpResponse<String> response) {
            calls++;
            statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
            return response.statusCode();
        }

        /** {@code /swagger-ui.html} answers with a redirect to the UI's page. */
        private static boolean isPublicRedirect(Expectation expected, int status) {
            return expected.rule() == Rule.PUBLIC && status == 302;
        }

        private static boolean isProblem(HttpResponse<String> response) {
            return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        }
    }

    /** Every request mapping of every service, as its {@code /actuator/mappings} lists them (the operator asks). */
    static List<Mapping> mappings() throws Exception {
        Map<String, Integer> ports = Map.of("gateway", options.gatewayPort(), "contract-service",
                options.contractPort(), "kpi-service", options.kpiPort(), "rag-service", options.ragPort(),
                "deepdive-service", options.deepdivePort());
        List<Mapping> mappings = new ArrayList<>();
        for (String service : SERVICES) {
            HttpResponse<String> response = direct(USERS.get(Persona.OPERATOR).authorization(), ports.get(service),
                    "GET", "/actuator/mappings", null, null);
            assertThat(response.statusCode()).as(service + " mappings: " + response.body()).isEqualTo(200);
            for (JsonNode context : JSON.readTree(response.body()).path("contexts")) {
                for (JsonNode servlet : context.path("mappings").path("dispatcherServlets")) {
                    for (JsonNode handler : servlet) {
                        JsonNode conditions = handler.path("details").path("requestMappingConditions");
                        if (conditions.isMissingNode() || handler.path("handler").asText().contains("ErrorController")) {
                            // the servlet container's error page and resource handlers are no endpoints of ours
                            continue;
                        }
                        List<String> methods = new ArrayList<>();
                        conditions.path("methods").forEach(m -> methods.add(m.asText()));
                        if (methods.isEmpty()) {
                            methods.add("ANY");
                        }
                        for (JsonNode pattern : conditions.path("patterns")) {
                            for (String method : methods) {
                                mappings.add(new Mapping(service, ports.get(service), method, pattern.asText()));
                            }
                        }
                    }
                }
            }
        }
        return mappings.stream().distinct().toList();
    }

    static String concrete(Mapping mapping) {
        String path = mapping.pattern();
        for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        path = path.replace("/**", "/liveness").replaceAll("\\{[^}]+}", TARGET);
        return path + QUERIES.getOrDefault(mapping.key(), "");
    }

    /** A topic the service's own consumers dead-letter to: each service consumes different topics in its own group. */
    static String deadLetterTopicOf(Mapping mapping) throws Exception {
        HttpResponse<String> listing = direct(USERS.get(Persona.OPERATOR).authorization(), mapping.port(), "GET",
                "/actuator/deadletteredrecords", null, null);
        assertThat(listing.statusCode()).as(mapping.service() + " dead-lettered records: " + listing.body())
                .isEqualTo(200);
        JsonNode bindings = new ObjectMapper().readTree(listing.body()).path("bindings");
        assertThat(bindings.size()).as(mapping.service() + " consumer bindings").isPositive();
        return bindings.get(0).path("deadLetterTopic").asText();
    }

    static HttpResponse<String> call(Persona persona, String method, String path, String type, String body)
            throws Exception {
        return direct(USERS.get(persona).authorization(), options.gatewayPort(), method, path, type, body);
    }

    static HttpResponse<String> direct(String authorization, int port, String method, String path, String type,
                                       String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertAccepted(Endpoint endpoint, String body) throws Exception {
        HttpResponse<String> response = call(Persona.OFFICER, endpoint.method(), endpoint.path().replace("{id}", TARGET),
                endpoint.csv() ? "text/csv" : "application/json", body);
        assertThat(response.statusCode()).as(endpoint.name() + " answered " + response.body()).isBetween(200, 299);
    }

    /** The officer's token, expired, of another issuer, and signed with another key; and no token at all. */
    static void badTokens() throws Exception {
        String issued = USERS.get(Persona.OFFICER).authorization().substring("Bearer ".length());
        RSAKey key = IssuerKey.loadOrCreate(options.dataDir().resolve("identity").resolve("issuer-key.jwk.json"));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        Instant tenMinutesAgo = Instant.now().minus(10, ChronoUnit.MINUTES);
        Date before = Date.from(tenMinutesAgo.minus(15, ChronoUnit.MINUTES));
        BAD_TOKENS.put("no token", null);
        BAD_TOKENS.put("an expired token", "Bearer " + signedAgain(issued, key, claims -> claims.issueTime(before)
                .notBeforeTime(before).expirationTime(Date.from(tenMinutesAgo))));
        BAD_TOKENS.put("a token of another issuer", "Bearer " + signedAgain(issued, key,
                claims -> claims.issuer("http://127.0.0.1:1")));
        BAD_TOKENS.put("a wrongly signed token", "Bearer " + signedAgain(issued, stranger, claims -> claims));
        // the control: the same token signed again with the issuer's key unchanged is accepted, so what refuses the
        // others is what was changed in them
        HttpResponse<String> control = direct("Bearer " + signedAgain(issued, key, claims -> claims),
                options.contractPort(), "GET", "/api/contracts", null, null);
        assertThat(control.statusCode()).as(control.body()).isEqualTo(200);
    }

    static String signedAgain(String issued, RSAKey key, UnaryOperator<JWTClaimsSet.Builder> edit) throws Exception {
        SignedJWT original = SignedJWT.parse(issued);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                edit.apply(new JWTClaimsSet.Builder(original.getJWTClaimsSet())).build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    /** Events stored in any service with one of {@code personas} as their actor. */
    static long eventsBy(Set<Persona> personas) {
        Set<String> users = personas.stream().map(p -> p.user).collect(Collectors.toSet());
        long count = 0;
        for (String database : EVENT_STORES) {
            for (Document event : mongo.getDatabase(database).getCollection("domainevents").find()) {
                String metaData = String.valueOf(event.get("metaData"));
                if (users.stream().anyMatch(metaData::contains)) {
                    count++;
                }
            }
        }
        return count;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
