package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The contract summaries and the contract histories rebuilt by an operator while officers keep reading them: the same
 * answers before and after, served from the new collections, and changes made after the switch land there.
 */
class ContractReadModelsRebuildIT extends SecuredContractService {

    @Test
    void rebuildsContractSummariesAndHistoriesWhileTheyAreReadAndServesTheSameAnswersAfterTheSwitch() throws Exception {
        String id = register("NELFT");
        ResponseEntity<String> warned = postAs(OFFICER, "/api/contracts/" + id + "/warnings", "\"0\"", WARNING);
        assertThat(warned.getStatusCode().value()).as(warned.getBody()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(json(getAs(OFFICER, "/api/contracts/" + id)).path("warnings")).hasSize(1);
            assertThat(json(getAs(OFFICER, "/api/contracts/" + id + "/history"))).hasSize(2);
        });
        JsonNode summary = json(getAs(OFFICER, "/api/contracts/" + id));
        JsonNode history = json(getAs(OFFICER, "/api/contracts/" + id + "/history"));

        for (String readModel : List.of("contract_summaries", "contract_history")) {
            int generation = state(readModel).path("generation").asInt();
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    try {
                        if (!json(getAs(OFFICER, "/api/contracts/" + id)).equals(summary)
                                || !json(getAs(OFFICER, "/api/contracts/" + id + "/history")).equals(history)) {
                            failures.add("an answer differed during the rebuild of " + readModel);
                        }
                        reads.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                    LockSupport.parkNanos(5_000_000);
                }
            }, "contract-reader");
            reader.start();
            try {
                ResponseEntity<String> started = postAs(OPERATOR, "/actuator/rebuild", null,
                        "{\"readModel\":\"" + readModel + "\"}");
                assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
                await().atMost(PATIENCE).until(() -> state(readModel).path("lastRebuild").path("state").asText(),
                        s -> s.equals("DONE") || s.equals("FAILED"));
                await().atMost(PATIENCE).until(() -> reads.get() > 3);
            } finally {
                reading.set(false);
                reader.join(PATIENCE.toMillis());
            }
            JsonNode state = state(readModel);
            assertThat(state.path("lastRebuild").path("state").asText()).as(state.toString()).isEqualTo("DONE");
            assertThat(state.path("generation").asInt()).isEqualTo(generation + 1);
            assertThat(state.path("liveCollection").asText()).isEqualTo(readModel + "_" + (generation + 1));
            assertThat(failures).as("reads that failed or differed").isEmpty();
        }

        ResponseEntity<String> warnedAgain = postAs(OFFICER, "/api/contracts/" + id + "/warnings", "\"1\"", WARNING);
        assertThat(warnedAgain.getStatusCode().value()).as(warnedAgain.getBody()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(json(getAs(OFFICER, "/api/contracts/" + id)).path("warnings")).hasSize(2);
            assertThat(json(getAs(OFFICER, "/api/contracts/" + id + "/history"))).hasSize(3);
        });
    }

    @Test
    void refusesToRebuildAReadModelItDoesNotHave() throws Exception {
        ResponseEntity<String> refused = postAs(OPERATOR, "/actuator/rebuild", null, "{\"readModel\":\"contracts\"}");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody()).contains("readModel");
    }

    private static final String WARNING = """
            {"reasons":["Registrations below target for three consecutive months"],"responseDeadline":"%s"}"""
            .formatted(java.time.LocalDate.now().plusDays(28));

    private JsonNode state(String readModel) throws Exception {
        JsonNode readModels = json(getAs(OPERATOR, "/actuator/rebuild"));
        for (JsonNode each : readModels) {
            if (each.path("readModel").asText().equals(readModel)) {
                return each;
            }
        }
        throw new AssertionError(readModel + " is not listed: " + readModels);
    }

    private JsonNode json(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private String register(String provider) {
        String id = UUID.randomUUID().toString();
        ResponseEntity<String> registered = postAs(OFFICER, "/api/contracts", null, """
                {"contractId":"%s","provider":"%s","serviceArea":"YOUTH",
                 "lot":{"scope":"DISTRICT","names":["Ashford"]},"annualValueGbp":120000,
                 "start":"2018-04-01","end":"2021-03-31"}""".formatted(id, provider));
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        return id;
    }
}
