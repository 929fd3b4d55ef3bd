package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.EscalationDue;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.events.deepdives.v1.VariationRecommended;
import org.commissioning.testsupport.ConsumerGroups;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deep dives' events (deepdives.events.v1, as deepdive-service publishes them) on the embedded broker: an
 * INADEQUATE deep dive makes escalation due once however often its record arrives, and a recommended variation
 * waits on the contract until the officer records a variation. Today is 1 June 2018.
 */
class ContractDeepDiveConsequencesIT extends OnFirstJune2018 {

    static final String DEEPDIVE_SERVICE = "/deepdive-service";
    static final String REASON = "Demand in Ashford doubled; a second detached session a week is possible.";

    @Test
    void anInadequateDeepDiveMakesEscalationDueOnceAndItsRecommendationWaitsForTheOfficer() throws Exception {
        String id = register("Sk8side", "Ashford");
        IntegrationEvent<?> planned = deepDiveEvent(id, 1, new DeepDivePlanned(id, 2018, LocalDate.of(2018, 5, 31),
                "Sk8side", List.of("Ashford")));
        IntegrationEvent<?> completed = deepDiveEvent(id, 2, completed(id, "INADEQUATE"));
        IntegrationEvent<?> recommended = deepDiveEvent(id, 3, new VariationRecommended(id, 2018, REASON));
        // the completion redelivered (same id), then the same completion and recommendation again as new records
        sendDeepDives(planned, completed, completed, recommended, recommended,
                deepDiveEvent(id, 4, completed(id, "INADEQUATE")),
                deepDiveEvent(id, 5, new VariationRecommended(id, 2018, REASON)));
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), "contract-service", Topics.DEEPDIVES);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode history = history(id);
            assertThat(texts(history, "type")).containsExactly("ContractRegistered", "EscalationDue",
                    "VariationRecommended");
            assertThat(history.get(1).get("summary").asText()).isEqualTo(
                    "Escalation due: the 2018-19 deep dive graded the contract Inadequate (completed on 2018-05-25)");
            assertThat(history.get(1).get("actor").asText()).as("caused by deepdive-service's event").isEqualTo("system");
            assertThat(history.get(1).get("causedBy").asText()).isEqualTo("officer.jones");
            assertThat(history.get(2).get("summary").asText()).isEqualTo("Formal variation recommended by the "
                    + "2018-19 deep dive, for the officer to decide: " + REASON);
        });
        JsonNode contract = contract(id);
        assertThat(contract.at("/escalation/cause").asText()).isEqualTo("DEEP_DIVE");
        assertThat(contract.at("/escalation/deepDiveYear").asInt()).isEqualTo(2018);
        assertThat(contract.at("/escalation/dueOn").asText()).isEqualTo("2018-06-01");
        assertThat(contract.at("/variationRecommendation/status").asText()).isEqualTo("PENDING");
        assertThat(contract.at("/variationRecommendation/reason").asText()).isEqualTo(REASON);

        List<IntegrationEvent<?>> published = published(Topics.CONTRACTS, id, 2);
        assertThat(published).extracting(IntegrationEvent::type).containsExactly(
                "org.commissioning.contracts.ContractRegistered.v1", "org.commissioning.contracts.EscalationDue.v1");
        EscalationDue due = (EscalationDue) published.get(1).data();
        assertThat(due.cause()).isEqualTo("DEEP_DIVE");
        assertThat(due.deepDiveYear()).isEqualTo(2018);
        assertThat(due.reason()).contains("2018-19 deep dive");
        assertThat(published.get(1)).extracting(IntegrationEvent::actor, IntegrationEvent::causedby)
                .containsExactly("system", "officer.jones");

        ResponseEntity<String> varied = post("/api/contracts/" + id + "/variations", """
                {"annualValueGbp":130000.00,"effectiveDate":"2018-07-01","reason":"A second detached session a week"}""",
                "officer.jones");
        assertThat(varied.getStatusCode().value()).as(varied.getBody()).isEqualTo(200);
        awaitContract(id, answered -> {
            assertThat(answered.at("/variationRecommendation/status").asText()).isEqualTo("ANSWERED");
            assertThat(answered.at("/variationRecommendation/answeredByVariationFrom").asText()).isEqualTo("2018-07-01");
        });
        assertThat(texts(history(id), "type")).containsExactly("ContractRegistered", "EscalationDue",
                "VariationRecommended", "ContractVaried");
    }

    @Test
    void aHistoricCompletionWithoutAGradeAndAGoodOneChangeNothing() throws Exception {
        String id = register("Porchlight", "Canterbury");
        String other = register("Salus", "Maidstone");
        DeepDiveCompleted historic = new DeepDiveCompleted(id, 2018, LocalDate.of(2018, 5, 31), null, null, null,
                List.of(), List.of(), List.of(), List.of(), false, true, "Fig. 1");
        sendDeepDives(deepDiveEvent(id, 1, historic), deepDiveEvent(other, 1, completed(other, "GOOD")),
                deepDiveEvent(other, 2, completed(other, "PURPLE")),
                deepDiveEvent(other, 3, completed(other, "INADEQUATE")));
        ConsumerGroups.awaitCaughtUp(kafka.getBrokersAsString(), "contract-service", Topics.DEEPDIVES);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(texts(history(other), "type"))
                .as("a grade outside the scale is skipped, the contract's next event applied")
                .containsExactly("ContractRegistered", "EscalationDue"));
        assertThat(texts(history(id), "type")).containsExactly("ContractRegistered");
        assertThat(contract(id).path("escalation").isObject()).isFalse();
    }

    static DeepDiveCompleted completed(String id, String grade) {
        return new DeepDiveCompleted(id, 2018, LocalDate.of(2018, 5, 25), grade, grade, null, List.of(), List.of(),
                List.of(), List.of(), false, false, null);
    }

    static IntegrationEvent<?> deepDiveEvent(String contractId, long sequence, Object data) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), DEEPDIVE_SERVICE, contractId,
                Instant.parse("2018-05-25T15:45:00Z"), sequence, "officer.jones", UUID.randomUUID().toString(), data);
    }

    void sendDeepDives(IntegrationEvent<?>... events) {
        send(Topics.DEEPDIVES, events);
    }

    private String register(String provider, String district) throws Exception {
        ResponseEntity<String> response = post("/api/contracts", """
                {"provider":"%s","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["%s"]},
                 "annualValueGbp":100000.00,"start":"2016-04-01","end":"2019-03-31"}""".formatted(provider, district),
                "officer.jones");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json.readTree(response.getBody()).get("contractId").asText();
    }

    private JsonNode history(String id) throws Exception {
        return json.readTree(get("/api/contracts/" + id + "/history").getBody());
    }
}
