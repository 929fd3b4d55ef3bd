package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.commissioning.contract.application.FlagOverdueMeetings;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.EscalationDue;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.testsupport.ConsumerGroups;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Monitoring cadence and escalation from ratings' events on the embedded broker, meetings over real HTTP, and the
 * overdue scan; "today" is fixed at 1 June 2018. The scheduled scan is held back, so the test runs the scan itself.
 */
class ContractMonitoringIT extends OnFirstJune2018 {

    @Test
    void redRatingsSetAMonthlyCadenceAndThreeRedMonthsMakeEscalationDueOnce() throws Exception {
        String id = register("Sk8side", "Ashford");

        sendRatings(ragChanged(id, 1, "AMBER", "RED", YearMonth.of(2018, 3)));

        awaitContract(id, contract -> {
            assertThat(contract.at("/monitoring/cadence").asText()).isEqualTo("MONTHLY");
            assertThat(contract.at("/monitoring/nextMeetingDue").asText()).isEqualTo("2018-07-01");
            assertThat(contract.get("rag").asText()).isEqualTo("RED");
        });

        List<IntegrationEvent<?>> rated = new ArrayList<>();
        long sequence = 2;
        for (int month = 3; month <= 5; month++) {
            rated.add(ratingEvent(id, sequence++, new ContractRated(id,
                    YearMonth.of(2018, month), "RED", "RED", "COMPUTED", false, "1")));
        }
        for (IntegrationEvent<?> event : rated) {
            sendRatings(event, event); // each delivered twice, with the same event id
        }
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), "contract-service", Topics.RATINGS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode history = history(id);
            assertThat(texts(history, "type")).containsExactly("ContractRegistered", "MonitoringCadenceChanged",
                    "ContractRatingRecorded", "ContractRatingRecorded", "ContractRatingRecorded", "EscalationDue");
            assertThat(history.get(5).get("actor").asText()).as("caused by rag-service's events").isEqualTo("system");
            assertThat(history.get(5).get("causedBy").asText()).isEqualTo("officer.jones");
            assertThat(texts(history.get(5).at("/fields/periods"), null)).containsExactly("2018-03", "2018-04", "2018-05");
            JsonNode contract = contract(id);
            assertThat(contract.at("/escalation/threshold").asInt()).isEqualTo(3);
            assertThat(contract.get("ratedPeriod").asText()).isEqualTo("2018-05");
        });

        // the same rating again, as a new event (not a redelivery), changes nothing either
        sendRatings(ratingEvent(id, sequence, new ContractRated(id, YearMonth.of(2018, 5),
                "RED", "RED", "COMPUTED", false, "1")));
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), "contract-service", Topics.RATINGS);

        List<IntegrationEvent<?>> published = published(Topics.CONTRACTS, id, 3);
        assertThat(published).extracting(IntegrationEvent::type).containsExactly(
                "org.commissioning.contracts.ContractRegistered.v1",
                "org.commissioning.contracts.MonitoringCadenceChanged.v1",
                "org.commissioning.contracts.EscalationDue.v1");
        assertThat(published).extracting(IntegrationEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(((MonitoringCadenceChanged) published.get(1).data()).cadence()).isEqualTo("MONTHLY");
        EscalationDue due = (EscalationDue) published.get(2).data();
        assertThat(due.periods()).containsExactly(YearMonth.of(2018, 3), YearMonth.of(2018, 4), YearMonth.of(2018, 5));
        assertThat(due.threshold()).isEqualTo(3);
        assertThat(published.get(2)).extracting(IntegrationEvent::actor, IntegrationEvent::causedby)
                .containsExactly("system", "officer.jones");
        assertThat(history(id)).hasSize(6);
    }

    @Test
    void skipsARatingOfAnUnknownContractAndCarriesOn() throws Exception {
        String unknown = UUID.randomUUID().toString();
        String id = register("Play Place", "Dartford");
        sendRatings(ragChanged(unknown, 1, null, "RED", YearMonth.of(2018, 4)),
                ragChanged(id, 1, null, "GREEN", YearMonth.of(2018, 4)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(contract(id).at("/monitoring/cadence").asText()).isEqualTo("QUARTERLY"));
    }

    /** Refused by a rule, the first event must not hold back the contract's next one (consumers apply in order). */
    @Test
    void skipsARatingTheContractRefusesAndAppliesTheContractsNextOne() throws Exception {
        String id = register("Salus", "Maidstone");
        sendRatings(ragChanged(id, 1, null, "PURPLE", YearMonth.of(2018, 4)),
                ragChanged(id, 2, "PURPLE", "AMBER", YearMonth.of(2018, 5)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(contract(id).at("/monitoring/cadence").asText()).isEqualTo("BI_MONTHLY"));
    }

    @Test
    void recordsMeetingsAndFlagsAMissedOneOncePerDueDate() throws Exception {
        String id = register("Optivo", "Swale");

        ResponseEntity<String> meeting = http().post().uri("/api/contracts/" + id + "/meetings")
                .header("X-Actor", "officer.jones").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"heldOn":"2018-04-15","attendees":["officer.jones","Optivo contract lead"],
                         "notes":"Data collection and inputting problems","actions":[
                         {"description":"Improvement plan for data input","owner":"Optivo contract lead","dueDate":"2018-05-15"}]}""")
                .retrieve().toEntity(String.class);
        assertThat(meeting.getStatusCode().value()).as(meeting.getBody()).isEqualTo(200);

        ResponseEntity<String> future = http().post().uri("/api/contracts/" + id + "/meetings")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"heldOn":"2018-06-02","attendees":["officer.jones"],"notes":"Not yet"}""")
                .retrieve().toEntity(String.class);
        assertThat(future.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> noAttendees = http().post().uri("/api/contracts/" + id + "/meetings")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"heldOn":"2018-05-02","attendees":[],"notes":"Nobody"}""")
                .retrieve().toEntity(String.class);
        assertThat(noAttendees.getStatusCode().value()).isEqualTo(400);

        // rated RED: monthly, due one month after the last meeting (15 May), which is already past
        sendRatings(ragChanged(id, 1, "AMBER", "RED", YearMonth.of(2018, 4)));
        awaitContract(id, contract -> {
            assertThat(contract.at("/monitoring/nextMeetingDue").asText()).isEqualTo("2018-05-15");
            assertThat(contract.at("/monitoring/lastMeeting/heldOn").asText()).isEqualTo("2018-04-15");
            assertThat(contract.at("/monitoring/lastMeeting/actions/0/owner").asText()).isEqualTo("Optivo contract lead");
        });

        assertThat(scan.scan()).contains(id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(contract(id).at("/monitoring/overdueDueDate").asText()).isEqualTo("2018-05-15"));
        assertThat(scan.scan()).doesNotContain(id);

        JsonNode history = history(id);
        assertThat(texts(history, "type")).containsExactly("ContractRegistered", "MonitoringMeetingHeld",
                "MonitoringCadenceChanged", "MonitoringMeetingOverdue");
        assertThat(history.get(3).get("actor").asText()).isEqualTo("system");
        assertThat(history.get(3).has("causedBy")).as("a scan is caused by nobody").isFalse();
        assertThat(published(Topics.CONTRACTS, id, 4)).extracting(IntegrationEvent::type).last()
                .isEqualTo("org.commissioning.contracts.MonitoringMeetingOverdue.v1");
    }

    private String register(String provider, String district) throws Exception {
        ResponseEntity<String> response = http().post().uri("/api/contracts").header("X-Actor", "officer.jones")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"provider":"%s","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["%s"]},
                         "annualValueGbp":100000.00,"start":"2016-04-01","end":"2019-03-31"}""".formatted(provider, district))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json.readTree(response.getBody()).get("contractId").asText();
    }

    private JsonNode history(String id) throws Exception {
        return json.readTree(http().get().uri("/api/contracts/" + id + "/history").retrieve().toEntity(String.class).getBody());
    }
}
