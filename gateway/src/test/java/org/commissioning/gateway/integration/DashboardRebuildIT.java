package org.commissioning.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.commissioning.events.Topics;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.DashboardRows;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.RatingEvents;
import org.commissioning.testsupport.EventSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dashboard rebuilt by an operator from the topics while it is read and while events keep arriving: no read fails,
 * the rows are served from the new collection after the switch, equal to the rows before plus what arrived during
 * and after the rebuild.
 */
@TestPropertySource(properties = GatewayITSupport.DATABASE + "=gateway-dashboard-rebuild")
class DashboardRebuildIT extends GatewayITSupport {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final YearMonth APRIL = YearMonth.of(2018, 4);

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Test
    void rebuildsTheDashboardFromTheTopicsWhileItIsReadAndEventsKeepArriving() throws Exception {
        List<String> contracts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            contracts.add(id);
            EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS, ContractEvents.registered(id,
                    "Rebuilt Provider " + i, "YOUTH", ContractEvents.district("South", "Ashford"),
                    new BigDecimal("1000.00")));
            EventSender.send(kafka.getBrokersAsString(), Topics.RATINGS,
                    RatingEvents.ragChanged(id, 1, null, i % 2 == 0 ? "GREEN" : "RED", APRIL));
        }
        String first = contracts.get(0);
        await().atMost(WAIT).until(() -> rows().stream().filter(r -> contracts.contains(r.path("id").asText()))
                .filter(r -> !r.path("rag").isNull()).count() == contracts.size());
        JsonNode firstRow = row(first);
        String liveBefore = state().path("liveCollection").asText();

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                try {
                    ResponseEntity<String> answer = http().get().uri("/api/dashboard/contracts?provider={p}",
                            "Rebuilt Provider 0").retrieve().toEntity(String.class);
                    if (answer.getStatusCode().value() != 200
                            || !json.readTree(answer.getBody()).equals(json.createArrayNode().add(firstRow))) {
                        failures.add(answer.getStatusCode() + " " + answer.getBody());
                    }
                    reads.incrementAndGet();
                } catch (Exception e) {
                    failures.add(e.toString());
                }
                LockSupport.parkNanos(5_000_000);
            }
        }, "dashboard-reader");
        reader.start();
        String during = UUID.randomUUID().toString();
        try {
            ResponseEntity<String> started = http().post().uri("/actuator/rebuild")
                    .contentType(MediaType.APPLICATION_JSON).body("{\"readModel\":\"dashboard_contracts\"}")
                    .retrieve().toEntity(String.class);
            assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
            EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS, ContractEvents.registered(during,
                    "Registered During The Rebuild", "YOUTH", ContractEvents.district("South", "Ashford"), null));
            EventSender.send(kafka.getBrokersAsString(), Topics.RATINGS,
                    RatingEvents.ragChanged(contracts.get(1), 2, "RED", "AMBER", APRIL.plusMonths(1)));
            await().atMost(WAIT).until(() -> state().path("lastRebuild").path("state").asText(),
                    s -> s.equals("DONE") || s.equals("FAILED"));
            await().atMost(WAIT).until(() -> reads.get() > 3);
        } finally {
            reading.set(false);
            reader.join(WAIT.toMillis());
        }

        JsonNode state = state();
        assertThat(state.path("lastRebuild").path("state").asText()).as(state.toString()).isEqualTo("DONE");
        assertThat(state.path("liveCollection").asText()).isNotEqualTo(liveBefore)
                .isEqualTo("dashboard_contracts_1");
        assertThat(state.path("lastRebuild").path("processed").asLong()).isGreaterThanOrEqualTo(40);
        assertThat(state.path("lastRebuild").path("progress").asDouble()).isEqualTo(1.0);
        assertThat(failures).as("reads that failed or differed").isEmpty();
        assertThat(mongo.getCollection("dashboard_contracts_1").countDocuments()).isGreaterThanOrEqualTo(21);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(row(during).path("provider").asText()).isEqualTo("Registered During The Rebuild");
            assertThat(row(contracts.get(1)).path("rag").asText()).isEqualTo("AMBER");
        });
        assertThat(row(first)).isEqualTo(firstRow);
        String after = UUID.randomUUID().toString();
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS, ContractEvents.registered(after,
                "Registered After The Switch", "YOUTH", ContractEvents.district("South", "Ashford"), null));
        new DashboardRows(http()).awaitRow(after, WAIT);
        assertThat(mongo.getCollection("dashboard_contracts_1").countDocuments(
                new org.bson.Document("_id", after))).isEqualTo(1);
    }

    @Test
    void refusesToRebuildAReadModelTheGatewayDoesNotHave() throws Exception {
        ResponseEntity<String> refused = http().post().uri("/actuator/rebuild")
                .contentType(MediaType.APPLICATION_JSON).body("{\"readModel\":\"rating_history\"}")
                .retrieve().toEntity(String.class);

        refused(refused, "unknown-read-model", "readModel");
    }

    private JsonNode state() throws Exception {
        JsonNode readModels = body(get("/actuator/rebuild"));
        assertThat(readModels).hasSize(1);
        return readModels.get(0);
    }

    private JsonNode row(String id) {
        return rows().stream().filter(r -> r.path("id").asText().equals(id)).findFirst()
                .orElse(json.missingNode());
    }

    private List<JsonNode> rows() {
        return new DashboardRows(http()).rows(null);
    }
}
