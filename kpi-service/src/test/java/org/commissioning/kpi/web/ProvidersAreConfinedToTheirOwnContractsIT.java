package org.commissioning.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commissioning.identity.DemoUsers.AUDITOR;
import static org.commissioning.identity.DemoUsers.NELFT;
import static org.commissioning.identity.DemoUsers.OFFICER;
import static org.commissioning.identity.DemoUsers.OPERATOR;
import static org.commissioning.identity.DemoUsers.SK8SIDE;
import static org.commissioning.identity.DemoUsers.VIEWER;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.identity.IssuerKey;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.platform.security.SecurityProblems;
import org.commissioning.testsupport.IntegrationEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * kpi-service with security on, over real HTTP, with tokens of the local issuer: a provider submits, corrects and
 * reads the returns of its own contracts only (another provider's contract is exactly the 404 of a contract not
 * known here, and nothing is stored); frameworks, council figures and resolutions are the council's; auditors and
 * viewers submit nothing; a viewer reads no KPI detail; the known contracts a provider lists are its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvidersAreConfinedToTheirOwnContractsIT extends SecuredKpiService {

    static final String CONTRACTS = "/api/kpi/contracts/";

    static final String RETURN = """
            {"period":"%s","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97},
             {"kpiCode":"LAC-ASSESSED-2W","numerator":2,"denominator":3}]}""";
    static final String CSV = """
            kpiCode,district,value,numerator,denominator
            CALLS-TRIAGED-24H,,91,,
            LAC-ASSESSED-2W,,,9,10
            """;
    static final String CORRECTION = """
            {"kpiCode":"CALLS-TRIAGED-24H","value":96,"reason":"One call was counted twice"}""";
    static final String COUNCIL_FIGURES = """
            {"values":[{"kpiCode":"LAC-ASSESSED-2W","value":50}]}""";
    static final String COUNCIL_CSV = """
            kpiCode,district,value,numerator,denominator
            LAC-ASSESSED-2W,,50,,
            """;
    static final String RESOLUTION = """
            {"note":"Counted the same children"}""";
    static final String FRAMEWORK = """
            {"effectiveFrom":"2018-04","fromTemplate":true}""";

    /** NELFT's and Sk8side's contracts, each with the template framework from April 2018 and October's return. */
    private String nelftContract;
    private String sk8sideContract;

    @BeforeAll
    void twoProvidersContractsWithTheirOctoberReturns() {
        nelftContract = knownContract("NELFT");
        sk8sideContract = knownContract("Sk8side");
        for (String[] contractAndProvider : new String[][]{{nelftContract, NELFT}, {sk8sideContract, SK8SIDE}}) {
            String id = contractAndProvider[0];
            assertThat(call(HttpMethod.PUT, CONTRACTS + id + "/framework", FRAMEWORK, OFFICER).getStatusCode().value())
                    .isEqualTo(201);
            ResponseEntity<String> submitted = call(HttpMethod.POST, CONTRACTS + id + "/returns",
                    RETURN.formatted("2018-10"), contractAndProvider[1]);
            assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(201);
        }
    }

    @Test
    void aProviderSubmitsCorrectsAndReadsTheReturnsOfItsOwnContract() throws Exception {
        ResponseEntity<String> csv = csvAs(NELFT, CONTRACTS + nelftContract + "/returns/2018-11/csv", CSV);
        assertThat(csv.getStatusCode().value()).as(csv.getBody()).isEqualTo(201);
        ResponseEntity<String> corrected = call(HttpMethod.POST, CONTRACTS + nelftContract
                + "/returns/2018-10/corrections", CORRECTION, NELFT);
        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(201);
        assertThat(body(corrected).get("correctedBy").asText()).isEqualTo(NELFT);

        await().atMost(PATIENCE).untilAsserted(() -> {
            ResponseEntity<String> october = call(HttpMethod.GET, CONTRACTS + nelftContract + "/returns/2018-10",
                    null, NELFT);
            assertThat(october.getStatusCode().value()).as(october.getBody()).isEqualTo(200);
            assertThat(body(october).get("submittedBy").asText()).isEqualTo(NELFT);
            assertThat(body(october).at("/values/0/corrections/0/correctedBy").asText()).isEqualTo(NELFT);
            ResponseEntity<String> november = call(HttpMethod.GET, CONTRACTS + nelftContract + "/returns/2018-11",
                    null, NELFT);
            assertThat(november.getStatusCode().value()).as(november.getBody()).isEqualTo(200);
            assertThat(body(november).get("submittedBy").asText()).isEqualTo(NELFT);
        });
        for (String read : detailReads(nelftContract)) {
            ResponseEntity<String> answer = call(HttpMethod.GET, read, null, NELFT);
            assertThat(answer.getStatusCode().value()).as(read + ": " + answer.getBody()).isEqualTo(200);
        }
    }

    @Test
    void anotherProvidersContractIsExactlyTheNotFoundOfAnUnknownOneAndStoresNothing() throws Exception {
        String unknown = UUID.randomUUID().toString();
        long stored = storedEvents();

        for (ProviderRequest request : ProviderRequest.values()) {
            ResponseEntity<String> others = send(request, sk8sideContract);
            ResponseEntity<String> missing = send(request, unknown);

            assertThat(problem(others, 404).get("detail").asText()).as(request.name()).contains(sk8sideContract);
            problem(missing, 404);
            assertThat(others.getBody().replace(sk8sideContract, "{id}")).as(request.name())
                    .isEqualTo(missing.getBody().replace(unknown, "{id}"));
        }

        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(storedEvents(MonthlyReturnId.of(sk8sideContract, YearMonth.of(2018, 11)))).isZero();
        // Sk8side's October return is as Sk8side submitted it: NELFT's correction did not reach it
        await().atMost(PATIENCE).untilAsserted(() -> {
            ResponseEntity<String> october = call(HttpMethod.GET, CONTRACTS + sk8sideContract + "/returns/2018-10",
                    null, SK8SIDE);
            assertThat(october.getStatusCode().value()).as(october.getBody()).isEqualTo(200);
            assertThat(body(october).at("/values/0/value").decimalValue()).isEqualByComparingTo("97");
            assertThat(body(october).at("/values/0/corrections")).isEmpty();
        });
    }

    @Test
    void aProviderMayNotSetFrameworksRecordCouncilFiguresOrResolveDiscrepanciesOfItsOwnContract() throws Exception {
        long stored = storedEvents();
        String returns = CONTRACTS + nelftContract + "/returns/2018-10";

        forbidden(call(HttpMethod.PUT, CONTRACTS + nelftContract + "/framework", FRAMEWORK, NELFT));
        forbidden(call(HttpMethod.POST, returns + "/council-figures", COUNCIL_FIGURES, NELFT));
        forbidden(csvAs(NELFT, returns + "/council-figures/csv", COUNCIL_CSV));
        forbidden(call(HttpMethod.POST, returns + "/discrepancies/LAC-ASSESSED-2W/resolution", RESOLUTION, NELFT));
        // the same requests of another provider's contract are refused alike: a 403 tells nothing of the contract
        forbidden(call(HttpMethod.PUT, CONTRACTS + sk8sideContract + "/framework", FRAMEWORK, NELFT));
        forbidden(call(HttpMethod.PUT, CONTRACTS + UUID.randomUUID() + "/framework", FRAMEWORK, NELFT));

        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void auditorsAndViewersSubmitNothing() throws Exception {
        long stored = storedEvents();

        for (String caller : List.of(AUDITOR, VIEWER)) {
            forbidden(call(HttpMethod.POST, CONTRACTS + nelftContract + "/returns", RETURN.formatted("2018-12"),
                    caller));
            forbidden(csvAs(caller, CONTRACTS + nelftContract + "/returns/2018-12/csv", CSV));
            forbidden(call(HttpMethod.POST, CONTRACTS + nelftContract + "/returns/2018-10/corrections", CORRECTION,
                    caller));
        }

        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(storedEvents(MonthlyReturnId.of(nelftContract, YearMonth.of(2018, 12)))).isZero();
    }

    @Test
    void aViewerReadsNoKpiDetailWhereTheAuditorReadsItAll() throws Exception {
        await().atMost(PATIENCE).until(() -> call(HttpMethod.GET, CONTRACTS + sk8sideContract + "/returns/2018-10",
                null, AUDITOR).getStatusCode().value() == 200);

        for (String read : detailReads(sk8sideContract)) {
            forbidden(call(HttpMethod.GET, read, null, VIEWER));
            ResponseEntity<String> audited = call(HttpMethod.GET, read, null, AUDITOR);
            assertThat(audited.getStatusCode().value()).as(read + ": " + audited.getBody()).isEqualTo(200);
        }
        assertThat(call(HttpMethod.GET, CONTRACTS + sk8sideContract, null, VIEWER).getStatusCode().value())
                .as("a contract's summary is the viewer's").isEqualTo(200);
    }

    @Test
    void onlyOfficersAndAuditorsGetAContractsEvidenceNotItsProviderNorAViewer() throws Exception {
        String evidence = CONTRACTS + nelftContract + "/evidence?asOf=" + Instant.now();

        for (String caller : List.of(NELFT, VIEWER, OPERATOR)) {
            forbidden(call(HttpMethod.GET, evidence, null, caller));
        }
        forbidden(call(HttpMethod.GET, CONTRACTS + UUID.randomUUID() + "/evidence", null, NELFT));
        for (String caller : List.of(AUDITOR, OFFICER)) {
            ResponseEntity<String> part = call(HttpMethod.GET, evidence, null, caller);
            assertThat(part.getStatusCode().value()).as(caller + ": " + part.getBody()).isEqualTo(200);
            assertThat(body(part).get("context").asText()).isEqualTo("kpi");
        }
        assertThat(problem(call(HttpMethod.GET, evidence, null, null), 401).get("type").asText())
                .endsWith("/" + SecurityProblems.UNAUTHENTICATED);
    }

    @Test
    void aProviderListsAndFindsOnlyItsOwnKnownContracts() throws Exception {
        JsonNode nelftsList = body(call(HttpMethod.GET, "/api/kpi/contracts", null, NELFT));
        assertThat(nelftsList.findValuesAsText("provider")).isNotEmpty().containsOnly("NELFT");
        assertThat(nelftsList.findValuesAsText("id")).contains(nelftContract).doesNotContain(sk8sideContract);
        assertThat(body(call(HttpMethod.GET, "/api/kpi/contracts", null, VIEWER)).findValuesAsText("id"))
                .contains(nelftContract, sk8sideContract);

        assertThat(call(HttpMethod.GET, CONTRACTS + nelftContract, null, NELFT).getStatusCode().value())
                .isEqualTo(200);
        String unknown = UUID.randomUUID().toString();
        ResponseEntity<String> others = call(HttpMethod.GET, CONTRACTS + sk8sideContract, null, NELFT);
        ResponseEntity<String> missing = call(HttpMethod.GET, CONTRACTS + unknown, null, NELFT);
        problem(others, 404);
        problem(missing, 404);
        assertThat(others.getBody().replace(sk8sideContract, "{id}"))
                .isEqualTo(missing.getBody().replace(unknown, "{id}"));

        forbidden(call(HttpMethod.GET, "/api/kpi/contracts", null, OPERATOR));
        assertThat(problem(call(HttpMethod.GET, "/api/kpi/contracts", null, null), 401).get("type").asText())
                .endsWith("/" + SecurityProblems.UNAUTHENTICATED);
    }

    @Test
    void refusesAChangeWhoseTokenNamesNoOneWithoutTellingItsHolderToSendXActor() throws Exception {
        long stored = storedEvents();

        ResponseEntity<String> refused = call(HttpMethod.POST, CONTRACTS + nelftContract
                + "/returns/2018-10/council-figures", COUNCIL_FIGURES, MediaType.APPLICATION_JSON,
                officerTokenWithSubject("anonymous"));

        JsonNode problem = refused(refused, "actor-required", "Authorization");
        assertThat(problem.get("detail").asText()).doesNotContain("X-Actor");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /** What a provider asks of one contract, each answered by kpi-service for its own provider's contracts. */
    enum ProviderRequest {
        SUBMIT_RETURN(HttpMethod.POST, "/returns", RETURN.formatted("2018-11"), MediaType.APPLICATION_JSON),
        SUBMIT_RETURN_CSV(HttpMethod.POST, "/returns/2018-11/csv", CSV, MediaType.parseMediaType("text/csv")),
        CORRECT(HttpMethod.POST, "/returns/2018-10/corrections", CORRECTION, MediaType.APPLICATION_JSON),
        READ_RETURN(HttpMethod.GET, "/returns/2018-10"),
        READ_RETURN_AS_OF(HttpMethod.GET, "/returns/2018-10?asOf=2018-11-16T09:00:00Z"),
        READ_OVERDUE(HttpMethod.GET, "/returns/overdue"),
        READ_TEMPLATE(HttpMethod.GET, "/returns/template.csv?period=2018-10"),
        READ_FRAMEWORK(HttpMethod.GET, "/framework"),
        READ_YEAR_TO_DATE(HttpMethod.GET, "/ytd?financialYear=2018"),
        READ_KNOWN_CONTRACT(HttpMethod.GET, "");

        final HttpMethod method;
        final String path;
        final String body;
        final MediaType type;

        ProviderRequest(HttpMethod method, String path) {
            this(method, path, null, null);
        }

        ProviderRequest(HttpMethod method, String path, String body, MediaType type) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.type = type;
        }
    }

    /** {@code request} of {@code contractId}, sent as NELFT. */
    private ResponseEntity<String> send(ProviderRequest request, String contractId) {
        return call(request.method, CONTRACTS + contractId + request.path, request.body, request.type, token(NELFT));
    }

    private List<String> detailReads(String contractId) {
        String base = CONTRACTS + contractId;
        return List.of(base + "/framework", base + "/returns/2018-10", base + "/returns/2018-10?asOf=" + Instant.now(),
                base + "/returns/overdue", base + "/returns/template.csv?period=2018-10",
                base + "/ytd?financialYear=2018");
    }

    /** Publishes a registration of {@code provider}'s contract and waits until this service knows it. */
    private String knownContract(String provider) {
        String id = UUID.randomUUID().toString();
        send(Topics.CONTRACTS, IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id,
                IntegrationEvents.REGISTERED_AT, 1, new ContractRegistered(id, provider,
                        "EMOTIONAL_HEALTH_AND_WELLBEING", KpiServiceOverHttp.SOUTH, new BigDecimal("2650000.00"),
                        LocalDate.of(2017, 4, 1), LocalDate.of(2099, 3, 31))));
        await().atMost(PATIENCE).until(() -> call(HttpMethod.GET, CONTRACTS + id, null, OFFICER)
                .getStatusCode().value() == 200);
        return id;
    }

    private void forbidden(ResponseEntity<String> response) throws Exception {
        assertThat(problem(response, 403).get("type").asText()).endsWith("/" + SecurityProblems.FORBIDDEN);
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String json, String caller) {
        return call(method, path, json, MediaType.APPLICATION_JSON, caller == null ? null : token(caller));
    }

    private ResponseEntity<String> csvAs(String caller, String path, String csv) {
        return call(HttpMethod.POST, path, csv, MediaType.parseMediaType("text/csv"), token(caller));
    }

    /** The officer's token as the issuer gave it, its subject replaced, signed again with the issuer's key. */
    private String officerTokenWithSubject(String subject) {
        try {
            SignedJWT issued = SignedJWT.parse(token(OFFICER));
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(issued.getHeader()).build(),
                    new JWTClaimsSet.Builder(issued.getJWTClaimsSet()).subject(subject).build());
            token.sign(new RSASSASigner(IssuerKey.loadOrCreate(ISSUER_DATA.resolve("issuer-key.jwk.json"))));
            return token.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
