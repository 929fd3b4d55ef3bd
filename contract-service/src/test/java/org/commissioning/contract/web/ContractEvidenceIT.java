package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.commissioning.events.ratings.v1.ContractRated;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * contract-service's share of a contract's evidence pack ({@code GET /api/contracts/{id}/evidence?asOf=}): the
 * contract's state, lifecycle and decisions, rendered from the stored events as the store held them at the instant,
 * the same bytes for the same instant.
 */
class ContractEvidenceIT extends OnFirstJune2018 {

    static final List<String> FILES = List.of("contract/contract.json", "contract/lifecycle.csv",
            "contract/lifecycle.json", "contract/payments.csv", "contract/ratings.csv", "contract/cadence.csv",
            "contract/meetings.csv", "contract/meetings-overdue.csv", "contract/escalation.csv",
            "contract/actions.csv");

    @Test
    void rendersEveryDecisionOfTheContractWithWhoDecidedWhenAndWhy() throws Exception {
        String id = registerSalus();
        ok(change(id, HttpMethod.PUT, "/officers", """
                {"leadOfficer":"officer.jones","contractManager":"manager.patel"}"""));
        sendRatings(ragChanged(id, 1, null, "RED", YearMonth.of(2018, 3)));
        for (int month = 3; month <= 5; month++) {
            sendRatings(ratingEvent(id, month - 1L, new ContractRated(id, YearMonth.of(2018, month), "RED", "RED",
                    "COMPUTED", false, "1")));
        }
        awaitHistory(id, 7);
        ok(change(id, HttpMethod.POST, "/plans", """
                {"kind":"IMPROVEMENT_PLAN","reason":"Registrations below target, three red months",
                 "actions":[{"description":"Outreach in Maidstone","owner":"Salus","dueDate":"2018-07-31"},
                            {"description":"Weekly data checks","owner":"manager.patel","dueDate":"2018-06-30"}]}"""));
        ok(change(id, HttpMethod.POST, "/warnings", """
                {"reasons":["Registrations below target","Returns late, again"],"responseDeadline":"2018-06-29"}"""));
        ok(change(id, HttpMethod.POST, "/meetings", """
                {"heldOn":"2018-05-20","attendees":["officer.jones","Salus contract lead"],
                 "notes":"Data input, \\"catch-up\\" agreed","actions":[
                 {"description":"Re-submit April's return","owner":"Salus contract lead","dueDate":"2018-06-10"}]}"""));
        ok(change(id, HttpMethod.POST, "/payments/2018-04/withholding", """
                {"rationale":"Figures do not reconcile with KCC systems"}"""));
        ok(change(id, HttpMethod.POST, "/payments/2018-04/authorisation", """
                {"rationale":"Figures validated","supersedingReason":"Corrected return reconciled"}"""));
        JsonNode history = awaitHistory(id, 12);
        Instant last = Instant.parse(history.get(11).get("time").asText());

        JsonNode part = part(id, "?asOf=" + last);

        assertThat(part.get("context").asText()).isEqualTo("contract");
        assertThat(part.get("contractId").asText()).isEqualTo(id);
        assertThat(Instant.parse(part.get("asOf").asText())).isEqualTo(last);
        Map<String, String> files = files(part);
        assertThat(files.keySet()).startsWith(FILES.toArray(String[]::new));
        for (String file : FILES) {
            assertThat(part.get("readme").asText()).as(file).contains(file + ":");
        }

        JsonNode contract = json.readTree(files.get("contract/contract.json"));
        // the API leaves out what a contract does not have; the pack names it null
        assertThat(withoutNulls(contract)).isEqualTo(body(get("/api/contracts/" + id + "?asOf=" + last)));
        assertThat(contract.at("/openPlan/actions")).hasSize(2);
        assertThat(contract.at("/escalation/periods")).hasSize(3);

        List<CSVRecord> lifecycle = rows(files.get("contract/lifecycle.csv"));
        assertThat(lifecycle).extracting(r -> r.get("type")).containsExactlyElementsOf(texts(history, "type"));
        assertThat(lifecycle).extracting(r -> r.get("stored_at")).containsExactlyElementsOf(texts(history, "time"));
        assertThat(lifecycle).extracting(r -> r.get("event_id")).containsExactlyElementsOf(texts(history, "eventId"));
        CSVRecord registration = lifecycle.get(0);
        assertThat(registration.get("business_date")).isEqualTo("2018-04-01");
        assertThat(registration.get("actor")).isEqualTo("officer.jones");
        assertThat(registration.get("actor_name")).isEqualTo("officer.jones");
        assertThat(json.readTree(registration.get("details")).get("provider").asText()).isEqualTo("Salus");
        JsonNode lifecycleJson = json.readTree(files.get("contract/lifecycle.json"));
        assertThat(texts(lifecycleJson, "summary")).containsExactlyElementsOf(texts(history, "summary"));
        assertThat(lifecycleJson.get(0).at("/details/lot/names/0").asText()).isEqualTo("Maidstone");

        List<CSVRecord> payments = rows(files.get("contract/payments.csv"));
        assertThat(payments).extracting(r -> List.of(r.get("period"), r.get("decision"), r.get("rationale"),
                        r.get("supersedes"), r.get("superseding_reason"), r.get("in_force"), r.get("actor")))
                .containsExactly(
                        List.of("2018-04", "WITHHELD", "Figures do not reconcile with KCC systems", "", "", "false",
                                "officer.jones"),
                        List.of("2018-04", "AUTHORISED", "Figures validated", "WITHHELD",
                                "Corrected return reconciled", "true", "officer.jones"));
        assertThat(payments.get(1).get("stored_at")).isEqualTo(last.toString());
        assertThat(payments.get(1).get("decided_on")).isEqualTo("2018-06-01");

        List<CSVRecord> ratings = rows(files.get("contract/ratings.csv"));
        assertThat(ratings).extracting(r -> r.get("period")).containsExactly("2018-03", "2018-04", "2018-05");
        assertThat(ratings).extracting(r -> r.get("rating")).containsOnly("RED");
        assertThat(ratings).extracting(r -> r.get("actor")).containsOnly("system");
        assertThat(ratings).extracting(r -> r.get("caused_by")).containsOnly("officer.jones");
        assertThat(rows(files.get("contract/cadence.csv"))).singleElement().satisfies(r -> {
            assertThat(r.get("cadence")).isEqualTo("MONTHLY");
            assertThat(r.get("previous_cadence")).isEmpty();
            assertThat(r.get("period")).isEqualTo("2018-03");
        });

        List<CSVRecord> escalation = rows(files.get("contract/escalation.csv"));
        assertThat(escalation).extracting(r -> r.get("type"))
                .containsExactly("EscalationDue", "PlanStarted", "ContractWarningIssued");
        assertThat(escalation.get(0).get("red_periods")).isEqualTo("2018-03; 2018-04; 2018-05");
        assertThat(escalation.get(1).get("reason")).isEqualTo("Registrations below target, three red months");
        assertThat(escalation.get(2).get("reason")).isEqualTo("Registrations below target; Returns late, again");
        assertThat(escalation.get(2).get("response_deadline")).isEqualTo("2018-06-29");

        assertThat(rows(files.get("contract/meetings.csv"))).singleElement().satisfies(r -> {
            assertThat(r.get("held_on")).isEqualTo("2018-05-20");
            assertThat(r.get("attendees")).isEqualTo("officer.jones; Salus contract lead");
            assertThat(r.get("notes")).isEqualTo("Data input, \"catch-up\" agreed");
        });
        assertThat(rows(files.get("contract/actions.csv")))
                .extracting(r -> r.get("agreed_in") + " " + r.get("number") + "." + r.get("position") + " "
                        + r.get("description"))
                .containsExactly("PLAN 1.1 Outreach in Maidstone", "PLAN 1.2 Weekly data checks",
                        "MEETING 1.1 Re-submit April's return");
        assertThat(rows(files.get("contract/meetings-overdue.csv"))).isEmpty();
    }

    @Test
    void rendersTheSameBytesForTheSameInstantWhateverIsStoredAfterIt() throws Exception {
        String id = registerSalus();
        ok(change(id, HttpMethod.POST, "/payments/2018-04/withholding", """
                {"rationale":"Figures do not reconcile with KCC systems"}"""));
        Instant decided = Instant.parse(awaitHistory(id, 2).get(1).get("time").asText());
        // the later decision is stored strictly after the instant asked about
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(decided.plusMillis(2)));
        String asDecided = served(id, "?asOf=" + decided);

        ok(change(id, HttpMethod.POST, "/payments/2018-04/authorisation", """
                {"rationale":"Figures validated","supersedingReason":"Corrected return reconciled"}"""));
        ok(change(id, HttpMethod.POST, "/variations", """
                {"annualValueGbp":95000.50,"effectiveDate":"2018-07-01","reason":"Reach reduced by agreement"}"""));
        Instant varied = Instant.parse(awaitHistory(id, 4).get(3).get("time").asText());

        assertThat(served(id, "?asOf=" + decided)).isEqualTo(asDecided);
        Map<String, String> then = files(json.readTree(asDecided));
        assertThat(rows(then.get("contract/payments.csv"))).singleElement()
                .satisfies(r -> assertThat(r.get("decision")).isEqualTo("WITHHELD"));
        assertThat(rows(then.get("contract/lifecycle.csv"))).extracting(r -> r.get("type"))
                .containsExactly("ContractRegistered", "PaymentWithheld");
        assertThat(json.readTree(then.get("contract/contract.json")).get("annualValueGbp").decimalValue())
                .isEqualByComparingTo("120000");

        Map<String, String> now = files(part(id, "?asOf=" + varied));
        assertThat(rows(now.get("contract/payments.csv"))).extracting(r -> r.get("decision"))
                .containsExactly("WITHHELD", "AUTHORISED");
        assertThat(json.readTree(now.get("contract/contract.json")).get("annualValueGbp").decimalValue())
                .isEqualByComparingTo("95000.50");
    }

    @Test
    void namesTheInstantItUsedWhenAskedForNowAndGivesEveryFileForAContractWithLittleHistory() throws Exception {
        String id = registerSalus();
        Instant registeredAt = Instant.parse(awaitHistory(id, 1).get(0).get("time").asText());
        // "now" is taken to the second: a contract is in it once a second has begun after its registration
        await().atMost(PATIENCE).until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(registeredAt));

        JsonNode part = part(id, "");

        Instant asOf = Instant.parse(part.get("asOf").asText());
        assertThat(asOf).isEqualTo(asOf.truncatedTo(ChronoUnit.SECONDS)).isBeforeOrEqualTo(Instant.now());
        assertThat(part(id, "?asOf=" + asOf)).isEqualTo(part);
        Map<String, String> files = files(part);
        assertThat(files.keySet()).startsWith(FILES.toArray(String[]::new));
        assertThat(files.get("contract/payments.csv")).isEqualTo("period,decision,rationale,decided_on,supersedes,"
                + "superseding_reason,in_force,sequence,stored_at,actor,actor_name,caused_by\r\n");
        for (String table : List.of("ratings", "cadence", "meetings", "meetings-overdue", "escalation", "actions")) {
            assertThat(rows(files.get("contract/" + table + ".csv"))).as(table).isEmpty();
        }
        assertThat(rows(files.get("contract/lifecycle.csv"))).hasSize(1);
    }

    @Test
    void answersAnUnknownOrNotYetRegisteredContractAsNotFoundAndRefusesAnInstantInTheFuture() throws Exception {
        String id = registerSalus();
        Instant registeredAt = Instant.parse(awaitHistory(id, 1).get(0).get("time").asText());

        problem(evidence(UUID.randomUUID().toString(), ""), 404);
        problem(evidence(UUID.randomUUID().toString(), "?asOf=" + registeredAt), 404);
        problem(evidence(id, "?asOf=" + registeredAt.minusMillis(1)), 404);
        refused(evidence(id, "?asOf=" + Instant.now().plus(1, ChronoUnit.DAYS)), "as-of-in-future", "asOf");
        refused(evidence(id, "?asOf=2018-05-16"), "instant", "asOf");
    }

    private JsonNode part(String id, String query) throws Exception {
        return json.readTree(served(id, query));
    }

    /** The part's bytes, answered 200. */
    private String served(String id, String query) {
        ResponseEntity<String> response = evidence(id, query);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<String> evidence(String id, String query) {
        return http().get().uri("/api/contracts/" + id + "/evidence" + query).header(ACTOR, "auditor.khan")
                .retrieve().toEntity(String.class);
    }

    /** The projected history once it has {@code entries} entries. */
    private JsonNode awaitHistory(String id, int entries) {
        return await().atMost(PATIENCE).until(() -> body(get("/api/contracts/" + id + "/history")),
                h -> h.size() == entries);
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getValue().isNull());
        }
        node.forEach(ContractEvidenceIT::withoutNulls);
        return node;
    }

    private static Map<String, String> files(JsonNode part) {
        Map<String, String> files = new LinkedHashMap<>();
        part.get("files").forEach(f -> files.put(f.get("name").asText(), f.get("content").asText()));
        return files;
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}
