package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.commissioning.events.Topics;
import org.commissioning.events.kpi.v1.KpiDefinition;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.rag.query.RatingHistoryProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rating history rebuilt by an operator while officers keep reading it: the same histories before and after,
 * served from the new collection, and ratings recorded after the switch land there.
 */
class RatingHistoryRebuildIT extends RunningRagService {

    @Autowired
    RatingHistoryProjection ratingHistory;

    @Test
    void rebuildsTheRatingHistoryWhileItIsReadAndServesTheSameHistoriesFromTheNewCollection() throws Exception {
        String id = rated("91");
        JsonNode before = await().atMost(PATIENCE).ignoreExceptions().until(() -> ratings(id, null),
                h -> h.get("changes").size() == 1);
        String liveBefore = ratingHistory.liveCollection();

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                try {
                    ResponseEntity<String> response = get("/api/ratings/contracts/" + id + "/ratings");
                    if (response.getStatusCode().value() != 200
                            || !json.readTree(response.getBody()).equals(before)) {
                        failures.add(response.getStatusCode() + " " + response.getBody());
                    }
                    reads.incrementAndGet();
                } catch (Exception e) {
                    failures.add(e.toString());
                }
                LockSupport.parkNanos(5_000_000);
            }
        }, "rating-history-reader");
        reader.start();
        try {
            ResponseEntity<String> started = post("/actuator/rebuild", "{\"readModel\":\"rating_history\"}", null);
            assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> state().get("lastRebuild").get("state").asText(),
                    s -> s.equals("DONE") || s.equals("FAILED"));
            await().atMost(PATIENCE).until(() -> reads.get() > 3);
        } finally {
            reading.set(false);
            reader.join(PATIENCE.toMillis());
        }

        JsonNode state = state();
        assertThat(state.get("lastRebuild").get("state").asText()).as(state.toString()).isEqualTo("DONE");
        assertThat(state.get("liveCollection").asText()).isNotEqualTo(liveBefore).startsWith("rating_history_");
        assertThat(state.get("lastRebuild").get("progress").asDouble()).isEqualTo(1.0);
        assertThat(failures).as("reads that failed or differed").isEmpty();
        assertThat(ratings(id, null)).isEqualTo(before);

        String after = rated("70");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> ratings(after, null),
                h -> h.get("changes").size() == 1);
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("contractId").is(after)),
                state.get("liveCollection").asText())).isTrue();
    }

    @Test
    void refusesToRebuildAReadModelItDoesNotHave() throws Exception {
        refused(post("/actuator/rebuild", "{\"readModel\":\"ratings\"}", null), "unknown-read-model", "readModel");
    }

    private JsonNode state() throws Exception {
        JsonNode readModels = body(get("/actuator/rebuild"));
        for (JsonNode readModel : readModels) {
            if (readModel.get("readModel").asText().equals(RatingHistoryProjection.READ_MODEL)) {
                return readModel;
            }
        }
        throw new AssertionError("rating_history is not listed: " + readModels);
    }

    /** A new contract rated from its triage KPI's value. */
    private String rated(String value) {
        String id = UUID.randomUUID().toString();
        send(Topics.KPI,
                kpiEvent(id, 1, new KpiFrameworkDefined(id, 1, APRIL, List.of(new KpiDefinition(TRIAGE,
                        "Phone calls screened and triaged within 24 working hours", "PERCENT", "HIGHER_IS_BETTER",
                        true, "PROVIDER", TRIAGE_BANDS)))),
                kpiEvent(id, 2, new KpiSubmitted(id, APRIL, TRIAGE, null, new BigDecimal(value), null, null,
                        "PROVIDER", 1, "GREEN")));
        return id;
    }
}
