package org.commissioning.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commissioning.identity.DemoUsers.NELFT;
import static org.commissioning.identity.DemoUsers.OFFICER;
import static org.commissioning.identity.DemoUsers.OPERATOR;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.testsupport.IntegrationEvents;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The monthly returns and the overdue returns rebuilt by an operator while officers keep reading returns: the same
 * answers before and after, served from the new collections, and a return submitted after the switch lands there.
 */
class KpiReadModelsRebuildIT extends SecuredKpiService {

    static final String CONTRACTS = "/api/kpi/contracts/";
    static final String RETURN = """
            {"period":"%s","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97},
             {"kpiCode":"LAC-ASSESSED-2W","numerator":2,"denominator":3}]}""";

    @Test
    void rebuildsTheReturnsWhileTheyAreReadAndServesTheSameReturnsFromTheNewCollections() throws Exception {
        String id = knownContract("NELFT");
        assertThat(call(HttpMethod.PUT, CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2018-04","fromTemplate":true}""", OFFICER).getStatusCode().value()).isEqualTo(201);
        submit(id, "2018-10");
        JsonNode october = json(call(HttpMethod.GET, CONTRACTS + id + "/returns/2018-10", null, OFFICER));

        for (String readModel : List.of("monthly_returns", "overdue_returns")) {
            int generation = state(readModel).path("generation").asInt();
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    try {
                        if (!json(call(HttpMethod.GET, CONTRACTS + id + "/returns/2018-10", null, OFFICER))
                                .equals(october)) {
                            failures.add("October's return differed during the rebuild of " + readModel);
                        }
                        reads.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                    LockSupport.parkNanos(5_000_000);
                }
            }, "returns-reader");
            reader.start();
            try {
                ResponseEntity<String> started = call(HttpMethod.POST, "/actuator/rebuild",
                        "{\"readModel\":\"" + readModel + "\"}", OPERATOR);
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
            assertThat(state.path("liveCollection").asText()).isEqualTo(readModel + "_" + (generation + 1));
            assertThat(failures).as("reads that failed or differed").isEmpty();
        }

        submit(id, "2018-11");
        assertThat(json(call(HttpMethod.GET, CONTRACTS + id + "/returns/2018-11", null, OFFICER))
                .path("values")).isNotEmpty();
    }

    private void submit(String id, String period) {
        ResponseEntity<String> submitted = call(HttpMethod.POST, CONTRACTS + id + "/returns", RETURN.formatted(period),
                NELFT);
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(201);
        // the return is projected before its values (events of their own), so the read is complete once both show
        await().atMost(PATIENCE).until(() -> {
            ResponseEntity<String> read = call(HttpMethod.GET, CONTRACTS + id + "/returns/" + period, null, OFFICER);
            return read.getStatusCode().value() == 200 && json(read).path("values").size() == 2;
        });
    }

    private JsonNode state(String readModel) throws Exception {
        JsonNode readModels = json(call(HttpMethod.GET, "/actuator/rebuild", null, OPERATOR));
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

    private ResponseEntity<String> call(HttpMethod method, String path, String body, String caller) {
        return call(method, path, body, MediaType.APPLICATION_JSON, token(caller));
    }
}
