package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.commissioning.platform.security.SecurityProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may do what with contracts, over real HTTP with tokens of the local issuer (the policy table of SECURITY.md):
 * only an officer changes a contract; a viewer reads summaries but no history; a provider reads its own contracts
 * and their history only, another provider's contract being the same 404 as one that does not exist; an operator
 * reads no business data; a contract's evidence goes to officers and auditors only. A refusal is 403
 * problem+json, whatever the contract, and stores nothing.
 */
class ContractAccessIT extends SecuredContractService {

    static final String TERMINATION = """
            {"initiatedBy":"COUNCIL","effectiveDate":"2019-09-30","reason":"Service no longer required"}""";

    static Stream<String> everyoneButAnOfficer() {
        return Stream.of(AUDITOR, VIEWER, NELFT, OPERATOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyoneButAnOfficer")
    void refusesARegistrationByAnyoneButAnOfficerWithForbiddenStoringNothing(String caller) throws Exception {
        String id = UUID.randomUUID().toString();
        long storedBefore = storedEvents();

        forbidden(postAs(caller, "/api/contracts", null, registration(id, "NELFT")));

        assertThat(storedEvents()).isEqualTo(storedBefore);
        assertThat(storedEvents(id)).isZero();
        // the request refused is one an officer makes, and the id is still free
        assertThat(postAs(OFFICER, "/api/contracts", null, registration(id, "NELFT")).getStatusCode().value())
                .isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyoneButAnOfficer")
    void refusesATerminationByAnyoneButAnOfficerWithForbiddenStoringNothing(String caller) throws Exception {
        String id = register("NELFT");

        forbidden(postAs(caller, contract(id, "/termination"), "\"0\"", TERMINATION));
        // the permission is checked before the contract is looked for: no probing with ids
        forbidden(postAs(caller, contract(UUID.randomUUID().toString(), "/termination"), null, TERMINATION));

        assertThat(storedEvents(id)).isEqualTo(1);
        // still at version 0: the officer's termination expecting it is accepted
        assertThat(postAs(OFFICER, contract(id, "/termination"), "\"0\"", TERMINATION).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void letsAViewerReadAContractsSummaryButNeverItsHistory() throws Exception {
        String id = register("Sk8side");
        readableByTheOfficer(id);

        assertThat(read(VIEWER, contract(id, "")).get("provider").asText()).isEqualTo("Sk8side");

        forbidden(getAs(VIEWER, contract(id, "/history")));
        forbidden(getAs(VIEWER, contract(UUID.randomUUID().toString(), "/history")));
        // as of an instant alike, the permission checked before the instant is read
        assertThat(read(VIEWER, contract(id, "?asOf=" + Instant.now())).get("provider").asText()).isEqualTo("Sk8side");
        forbidden(getAs(VIEWER, contract(id, "/history?asOf=" + Instant.now())));
        forbidden(getAs(VIEWER, contract(id, "/history?asOf=yesterday")));
    }

    @Test
    void letsAProviderReadItsOwnContractAndItsHistory() throws Exception {
        String id = register("NELFT");
        readableByTheOfficer(id);

        assertThat(read(NELFT, contract(id, "")).get("id").asText()).isEqualTo(id);
        assertThat(texts(read(NELFT, contract(id, "/history")), "type")).containsExactly("ContractRegistered");
    }

    @Test
    void answersAProviderAskingForAnotherProvidersContractExactlyAsForOneThatDoesNotExist() throws Exception {
        String theirs = register("Sk8side");
        String missing = UUID.randomUUID().toString();
        readableByTheOfficer(theirs);
        assertThat(read(SK8SIDE, contract(theirs, "")).get("id").asText()).isEqualTo(theirs);

        String asOf = "?asOf=" + Instant.now();
        for (String part : new String[] {"", "/history", asOf, "/history" + asOf}) {
            ResponseEntity<String> hidden = getAs(NELFT, contract(theirs, part));
            ResponseEntity<String> absent = getAs(NELFT, contract(missing, part));

            JsonNode hiddenProblem = problem(hidden, 404);
            JsonNode absentProblem = problem(absent, 404);
            assertThat(json.readTree(hiddenProblem.toString().replace(theirs, missing))).as(part)
                    .isEqualTo(absentProblem);
            assertThat(hidden.getHeaders().keySet()).as(part).isEqualTo(absent.getHeaders().keySet());
            assertThat(hidden.getHeaders().getETag()).isNull();
        }
    }

    @Test
    void listsToAProviderOnlyItsOwnContractsAndToAnOfficerOrAuditorEveryContract() throws Exception {
        String ours = register("NELFT");
        String theirs = register("Sk8side");
        readableByTheOfficer(ours);
        readableByTheOfficer(theirs);

        JsonNode forNelft = read(NELFT, "/api/contracts");
        assertThat(texts(forNelft, "id")).contains(ours).doesNotContain(theirs);
        assertThat(texts(forNelft, "provider")).containsOnly("NELFT");
        assertThat(read(NELFT, "/api/contracts?provider=Sk8side")).isEmpty();
        assertThat(texts(read(SK8SIDE, "/api/contracts"), "id")).contains(theirs).doesNotContain(ours);

        assertThat(texts(read(OFFICER, "/api/contracts"), "id")).contains(ours, theirs);
        assertThat(texts(read(AUDITOR, "/api/contracts"), "id")).contains(ours, theirs);
        assertThat(texts(read(AUDITOR, contract(theirs, "/history")), "type")).containsExactly("ContractRegistered");
    }

    @Test
    void refusesAnOperatorEveryBusinessRead() throws Exception {
        String id = register("NELFT");
        readableByTheOfficer(id);

        forbidden(getAs(OPERATOR, "/api/contracts"));
        forbidden(getAs(OPERATOR, contract(id, "")));
        forbidden(getAs(OPERATOR, contract(id, "/history")));
        forbidden(getAs(OPERATOR, contract(id, "?asOf=yesterday")));
    }

    @Test
    void servesAContractsEvidenceToAnOfficerAndAnAuditorOnly() throws Exception {
        String id = register("NELFT");
        readableByTheOfficer(id);
        String asOf = "/evidence?asOf=" + history(id).get(0).get("time").asText();

        assertThat(read(OFFICER, contract(id, asOf)).get("context").asText()).isEqualTo("contract");
        assertThat(read(AUDITOR, contract(id, asOf))).isEqualTo(read(OFFICER, contract(id, asOf)));
        problem(getAs(AUDITOR, contract(UUID.randomUUID().toString(), asOf)), 404);
        for (String caller : List.of(VIEWER, NELFT, OPERATOR)) {
            forbidden(getAs(caller, contract(id, asOf)));
            // the permission is checked before the contract and the instant are read
            forbidden(getAs(caller, contract(UUID.randomUUID().toString(), "/evidence")));
            forbidden(getAs(caller, contract(id, "/evidence?asOf=yesterday")));
        }
    }

    /** Registers a contract of {@code provider} as the officer; its id. */
    private String register(String provider) {
        String id = UUID.randomUUID().toString();
        ResponseEntity<String> registered = postAs(OFFICER, "/api/contracts", null, registration(id, provider));
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        return id;
    }

    /** Both projections have the contract, so a refusal or a 404 that follows is not theirs lagging behind. */
    private void readableByTheOfficer(String id) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(getAs(OFFICER, contract(id, "")).getStatusCode().value()).isEqualTo(200);
            assertThat(getAs(OFFICER, contract(id, "/history")).getStatusCode().value()).isEqualTo(200);
        });
    }

    private JsonNode history(String id) throws JsonProcessingException {
        return read(OFFICER, contract(id, "/history"));
    }

    /** The body of a 200 to {@code caller}'s GET of {@code path}. */
    private JsonNode read(String caller, String path) throws JsonProcessingException {
        ResponseEntity<String> read = getAs(caller, path);
        assertThat(read.getStatusCode().value()).as(read.getBody()).isEqualTo(200);
        return body(read);
    }

    private void forbidden(ResponseEntity<String> response) throws JsonProcessingException {
        JsonNode problem = problem(response, 403);
        assertThat(problem.get("type").asText()).endsWith("/" + SecurityProblems.FORBIDDEN);
        assertThat(response.getHeaders().containsKey(HttpHeaders.ETAG)).isFalse();
    }

    private static String contract(String id, String part) {
        return "/api/contracts/" + id + part;
    }

    private static String registration(String id, String provider) {
        return """
                {"contractId":"%s","provider":"%s","serviceArea":"YOUTH",
                 "lot":{"scope":"DISTRICT","names":["Ashford"]},"annualValueGbp":120000,
                 "start":"2018-04-01","end":"2021-03-31"}""".formatted(id, provider);
    }
}
