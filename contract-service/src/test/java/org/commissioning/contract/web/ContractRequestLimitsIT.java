package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collections;
import java.util.UUID;

import org.commissioning.contract.application.FlagOverdueMeetings;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.testsupport.ConsumerGroups;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bad input over real HTTP is refused with a problem naming the field or rule and changes nothing: no stored event
 * (the event store's count is unchanged), nothing on contracts.events.v1. Also: meetings within the term, the rule of
 * a repeated payment decision, and an ended contract (or a rating of a month not begun) leaving no monitoring cadence.
 * "Today" is fixed at 1 June 2018.
 */
class ContractRequestLimitsIT extends OnFirstJune2018 {

    static final String ONE_MIB = "x".repeat(1024 * 1024);


    @Test
    void refusesOverlongTextsTooManyNamesImplausibleDatesAndUnknownEnumsStoringAndPublishingNothing() throws Exception {
        String id = register("Sk8side", "\"Ashford\"", "2016-04-01", "2019-03-31");
        long stored = storedEvents(id);

        assertTooLarge(postTo(id, "/payments/2018-05/authorisation", "{\"rationale\":\"" + ONE_MIB + "\"}"));
        assertField(postTo(id, "/payments/2018-05/authorisation", "{\"rationale\":\"" + "x".repeat(2001) + "\"}"),
                "rationale");
        assertField(postTo(id, "/payments/2018-05/withholding", "{\"rationale\":\"" + "y".repeat(2001) + "\"}"),
                "rationale");
        assertField(postTo(id, "/meetings", """
                {"heldOn":"2018-05-02","attendees":["officer.jones"],"notes":"%s"}""".formatted("n".repeat(20001))),
                "notes");
        assertField(postTo(id, "/meetings", """
                {"heldOn":"2018-05-02","attendees":[%s],"notes":"Notes"}""".formatted(
                String.join(",", Collections.nCopies(51, "\"officer.jones\"")))), "attendees");
        assertField(postTo(id, "/plans", """
                {"kind":"SPECIAL_MEASURES","actions":[{"description":"d","owner":"o","dueDate":"2018-07-01"}]}"""),
                "kind");
        assertField(postTo(id, "/plans", """
                {"kind":"ACTION_PLAN","actions":[{"description":"d","owner":"o","dueDate":"9999-12-31"}]}"""),
                "actions[0].dueDate");
        assertField(postTo(id, "/termination", """
                {"initiatedBy":"PROVIDER","effectiveDate":"2018-08-31","reason":"%s"}""".formatted("r".repeat(2001))),
                "reason");
        assertTooLarge(postTo(id, "/termination", """
                {"initiatedBy":"PROVIDER","effectiveDate":"2018-08-31","reason":"%s"}""".formatted(ONE_MIB)));
        assertField(putTo(id, "/officers", """
                {"leadOfficer":"%s","contractManager":"manager.patel"}""".formatted("o".repeat(201))), "leadOfficer");
        assertThat(storedEvents(id)).as("nothing stored for a refused change").isEqualTo(stored);

        long storedInAll = mongo.count(new Query(), "domainevents");
        String thirteen = String.join(",", Collections.nCopies(13, "\"Ashford\""));
        assertField(registration("Sk8side", thirteen, "2016-04-01", "2019-03-31"), "lot.names");
        assertField(registration("Sk8side", "\"" + "A".repeat(101) + "\"", "2016-04-01", "2019-03-31"),
                "lot.names[0]");
        assertField(registration("Sk8side", "\"Ashford\"", "0201-04-01", "2019-03-31"), "start");
        assertField(registration("Sk8side", "\"Ashford\"", "2016-04-01", "9999-12-31"), "end");
        assertField(registration("p".repeat(201), "\"Ashford\"", "2016-04-01", "2019-03-31"), "provider");
        assertTooLarge(registration(ONE_MIB, "\"Ashford\"", "2016-04-01", "2019-03-31"));
        assertThat(mongo.count(new Query(), "domainevents")).as("no refused registration stored")
                .isEqualTo(storedInAll);

        ResponseEntity<String> accepted = postTo(id, "/meetings", """
                {"heldOn":"2018-05-02","attendees":["officer.jones"],"notes":"Quarterly review"}""");
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
        assertThat(published(Topics.CONTRACTS, id, 2)).as("only the registration and the accepted meeting were published")
                .extracting(IntegrationEvent::type).containsExactly(
                        "org.commissioning.contracts.ContractRegistered.v1",
                        "org.commissioning.contracts.MonitoringMeetingHeld.v1");
    }

    @Test
    void refusesAMeetingInTheFutureOrOutsideTheTerm() throws Exception {
        String id = register("Play Place", "\"Dartford\"", "2016-04-01", "2018-05-31");
        long stored = storedEvents(id);

        JsonNode future = problem(postTo(id, "/meetings", """
                {"heldOn":"2018-06-02","attendees":["officer.jones"],"notes":"Not yet"}"""), 400);
        assertThat(future.get("rule").asText()).isEqualTo("meeting-not-in-future");
        assertThat(future.at("/errors/0/field").asText()).isEqualTo("heldOn");
        JsonNode afterEnd = problem(postTo(id, "/meetings", """
                {"heldOn":"2018-06-01","attendees":["officer.jones"],"notes":"After the end"}"""), 400);
        assertThat(afterEnd.get("rule").asText()).isEqualTo("date-within-term");
        assertThat(afterEnd.get("detail").asText()).contains("after the contract ends on 2018-05-31");
        JsonNode beforeStart = problem(postTo(id, "/meetings", """
                {"heldOn":"2016-03-31","attendees":["officer.jones"],"notes":"Before the start"}"""), 400);
        assertThat(beforeStart.get("rule").asText()).isEqualTo("date-within-term");
        assertThat(storedEvents(id)).isEqualTo(stored);
    }

    @Test
    void aRepeatedPaymentDecisionIsAConflictNamingItsRuleAndAnEndedContractsDeliveredMonthsCanBeDecided()
            throws Exception {
        String id = register("Optivo", "\"Swale\"", "2016-04-01", "2019-03-31");
        assertThat(postTo(id, "/payments/2018-04/authorisation", "{\"rationale\":\"KPIs met\"}")
                .getStatusCode().value()).isEqualTo(200);

        JsonNode again = problem(postTo(id, "/payments/2018-04/authorisation", "{\"rationale\":\"KPIs met\"}"), 409);
        assertThat(again.get("rule").asText()).isEqualTo("payment-already-decided");
        assertThat(again.get("currentState").asText()).isEqualTo("AUTHORISED");
        JsonNode same = problem(postTo(id, "/payments/2018-04/authorisation",
                "{\"rationale\":\"KPIs met\",\"supersedingReason\":\"Checked again\"}"), 409);
        assertThat(same.get("rule").asText()).isEqualTo("payment-decision-unchanged");

        assertThat(postTo(id, "/termination", """
                {"initiatedBy":"COUNCIL","effectiveDate":"2018-05-31","reason":"Persistent under-delivery"}""")
                .getStatusCode().value()).isEqualTo(200);
        JsonNode warned = problem(postTo(id, "/warnings", """
                {"reasons":["Late returns"],"responseDeadline":"2018-06-29"}"""), 409);
        assertThat(warned.get("rule").asText()).isEqualTo("contract-active");
        assertThat(warned.get("currentState").asText()).isEqualTo("TERMINATED");
        assertThat(postTo(id, "/payments/2018-05/withholding", "{\"rationale\":\"Returns missing\"}")
                .getStatusCode().value()).as("a month delivered before the termination").isEqualTo(200);
        JsonNode afterEnd = problem(postTo(id, "/payments/2018-06/authorisation", "{\"rationale\":\"No\"}"), 400);
        assertThat(afterEnd.get("rule").asText()).isEqualTo("period-within-term");
    }

    @Test
    void anEndedContractHasNoCadenceOrMeetingDueAndALaterRatingSetsNone() throws Exception {
        String id = register("West Kent YMCA", "\"Tunbridge Wells\"", "2016-04-01", "2019-03-31");
        sendRatings(ragChanged(id, 1, "AMBER", "RED", YearMonth.of(2018, 3)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(contract(id).at("/monitoring/cadence").asText()).isEqualTo("MONTHLY");
            assertThat(contract(id).at("/monitoring/nextMeetingDue").asText()).isEqualTo("2018-07-01");
        });

        assertThat(postTo(id, "/termination", """
                {"initiatedBy":"PROVIDER","effectiveDate":"2018-06-01","reason":"Provider withdrew"}""")
                .getStatusCode().value()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode contract = contract(id);
            assertThat(contract.get("status").asText()).isEqualTo("TERMINATED");
            assertThat(absent(contract.at("/monitoring/cadence"))).as(contract.toString()).isTrue();
            assertThat(absent(contract.at("/monitoring/nextMeetingDue"))).isTrue();
        });

        sendRatings(ratingEvent(id, 2, new RagChanged(id, "RED", "GREEN", YearMonth.of(2018, 5), "OFFICER", "Improved")));
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), "contract-service", Topics.RATINGS);
        JsonNode contract = contract(id);
        assertThat(absent(contract.at("/monitoring/cadence"))).as("a rating after the end").isTrue();
        assertThat(absent(contract.at("/monitoring/nextMeetingDue"))).isTrue();
        assertThat(scan.scan()).doesNotContain(id);
    }

    @Test
    void aRatingOfAMonthNotBegunSetsNoCadence() throws Exception {
        String id = register("Salus", "\"Maidstone\"", "2016-04-01", "2019-03-31");
        sendRatings(ratingEvent(id, 1, new RagChanged(id, null, "RED", YearMonth.of(2999, 1), "OFFICER", "Future")));
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), "contract-service", Topics.RATINGS);

        JsonNode contract = contract(id);
        assertThat(absent(contract.at("/monitoring/cadence"))).as(contract.toString()).isTrue();
        assertThat(absent(contract.at("/rag"))).isTrue();
        assertThat(storedEvents(id)).as("only the registration").isEqualTo(1);
    }

    /** The contract aggregate leaves the presence of its input to the edge: each is refused here, naming the field. */
    @ParameterizedTest(name = "{0} {1} without {3}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /variations            | {"annualValueGbp":1.00,"effectiveDate":"2018-06-01","reason":" "}        | reason
            PUT  | /officers               | {"leadOfficer":"officer.jones","contractManager":""}                       | contractManager
            POST | /plans                  | {"kind":"ACTION_PLAN","actions":[]}                                        | actions
            POST | /plans                  | {"kind":"ACTION_PLAN","actions":[{"description":"Returns","owner":" ","dueDate":"2018-07-01"}]} | actions[0].owner
            POST | /plans/current/closure  | {}                                                                         | outcome
            POST | /warnings               | {"reasons":[],"responseDeadline":"2018-06-29"}                             | reasons
            POST | /warnings               | {"reasons":["Late returns","  "],"responseDeadline":"2018-06-29"}         | reasons[1]
            POST | /termination            | {"initiatedBy":"COUNCIL","effectiveDate":"2018-06-01"}                     | reason
            POST | /termination            | {"effectiveDate":"2018-06-01","reason":"Ended"}                            | initiatedBy
            POST | /payments/2018-05/withholding | {"rationale":""}                                                     | rationale
            POST | /meetings               | {"heldOn":"2018-06-01","attendees":[],"notes":"Notes"}                     | attendees
            POST | /meetings               | {"heldOn":"2018-06-01","attendees":[" "],"notes":"Notes"}                  | attendees[0]
            POST | /meetings               | {"heldOn":"2018-06-01","attendees":["officer.jones"],"notes":" "}          | notes
            """)
    void refusesAChangeWithoutARequiredValueNamingItAndStoringNothing(String method, String path, String body,
                                                                      String field) throws Exception {
        String id = register("Sk8side", "\"Ashford\"", "2016-04-01", "2019-03-31");
        long stored = storedEvents(id);

        JsonNode problem = problem("PUT".equals(method) ? putTo(id, path, body) : postTo(id, path, body), 400);

        assertThat(problem.findValuesAsText("field")).as(problem.toString()).containsExactly(field);
        assertThat(storedEvents(id)).as("nothing stored for a refused change").isEqualTo(stored);
    }

    private String register(String provider, String names, String start, String end) throws Exception {
        ResponseEntity<String> response = registration(provider, names, start, end);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json.readTree(response.getBody()).get("contractId").asText();
    }

    private ResponseEntity<String> registration(String provider, String names, String start, String end) {
        return http().post().uri("/api/contracts").header("X-Actor", "officer.jones")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"provider":"%s","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":[%s]},
                         "annualValueGbp":100000.00,"start":"%s","end":"%s"}""".formatted(provider, names, start, end))
                .retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> postTo(String id, String path, String body) {
        return post("/api/contracts/" + id + path, body, "officer.jones");
    }

    private ResponseEntity<String> putTo(String id, String path, String body) {
        return put("/api/contracts/" + id + path, body, "officer.jones");
    }

    private void assertField(ResponseEntity<String> response, String field) throws Exception {
        JsonNode problem = problem(response, 400);
        assertThat(problem.findValuesAsText("field")).as(problem.toString()).contains(field);
    }

    /** Over the platform's body limit (64 KB): refused before the body is read. */
    private void assertTooLarge(ResponseEntity<String> response) throws Exception {
        assertThat(problem(response, 413).get("limit").asLong()).isEqualTo(64 * 1024);
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }
}
