package org.commissioning.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.deepdives.v1.DeepDiveCancelled;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDiveOverdue;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.DashboardRows;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.testsupport.EventSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * deepdives.events.v1 on the embedded broker (the gateway's test classes share a database: this one alone uses the
 * programme year 2018) becomes each dashboard row's deep dive and the programme of Fig. 1,
 * {@code GET /api/dashboard/deepdives?year=}, served over HTTP.
 */
class DeepDiveProgrammeIT extends GatewayITSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Test
    void showsTheProgrammeOfAYearWithItsTotalsAndEachRowsDeepDive() throws Exception {
        String complete = register("Sk8side", "Ashford");
        String pending = register("Porchlight", "Canterbury");
        String overdue = register("Salus", "Maidstone");
        String cancelled = register("Optivo", "Swale");
        IntegrationEvent<?> completed = deepDive(complete, 2, new DeepDiveCompleted(complete, 2018,
                LocalDate.of(2018, 5, 25), null, null, null, List.of(), List.of(), List.of(), List.of(), false, true,
                "Fig. 1"));
        sendDeepDives(planned(complete), completed, completed, planned(pending), planned(overdue),
                deepDive(overdue, 2, new DeepDiveOverdue(overdue, 2018, LocalDate.of(2018, 5, 31))),
                planned(cancelled),
                deepDive(cancelled, 2, new DeepDiveCancelled(cancelled, 2018, "The contract was terminated.")));

        // every contract's last event applied: each contract's deep dives are ordered, the contracts' are not
        JsonNode programme = await().atMost(WAIT).until(() -> programme("2018"),
                p -> p.get("complete").asInt() + p.get("pending").asInt() + p.get("overdue").asInt()
                        + p.get("cancelled").asInt() == 4 && p.get("overdue").asInt() > 0
                        && p.get("cancelled").asInt() > 0 && p.get("complete").asInt() > 0);
        assertThat(programme.get("financialYear").asText()).isEqualTo("2018-19");
        assertThat(programme.get("complete").asInt()).isEqualTo(1);
        assertThat(programme.get("pending").asInt()).isEqualTo(1);
        assertThat(programme.get("overdue").asInt()).isEqualTo(1);
        assertThat(programme.get("cancelled").asInt()).isEqualTo(1);
        assertThat(programme.get("percentComplete").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(texts(programme.get("rows"), "provider")).containsExactly("Optivo", "Porchlight", "Salus",
                "Sk8side");
        JsonNode porchlight = programme.at("/rows/1");
        assertThat(porchlight.get("contractId").asText()).isEqualTo(pending);
        assertThat(porchlight.get("status").asText()).isEqualTo("PLANNED");
        assertThat(porchlight.get("due").asText()).isEqualTo("2018-05-31");
        assertThat(texts(porchlight.get("districts"), null)).containsExactly("Canterbury");
        assertThat(porchlight.get("grade").isNull()).as("written out, null").isTrue();
        JsonNode sk8side = programme.at("/rows/3");
        assertThat(sk8side.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(sk8side.get("historic").asBoolean()).isTrue();
        assertThat(sk8side.get("grade").isNull()).as("a historic completion has no grade").isTrue();

        JsonNode row = new DashboardRows(http()).awaitRow(complete, WAIT);
        assertThat(row.at("/deepDive/status").asText()).isEqualTo("COMPLETE");
        assertThat(row.at("/deepDive/programmeYear").asInt()).isEqualTo(2018);
        assertThat(row.at("/deepDives/2018-19/completedOn").asText()).isEqualTo("2018-05-25");
        assertThat(row.get("lastDeepDiveSequence").asInt()).as("the redelivery applied once").isEqualTo(2);

        // the in-process Mongo database is shared by the gateway's test classes: a year none of them uses
        assertThat(programme("2016").get("rows")).isEmpty();
        assertThat(programme("2016").get("percentComplete").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aYearThatIsNotAProgrammeYearIsABadRequestNamingIt() throws Exception {
        for (String bad : new String[] {"", "18", "2018-19", "1999", "abcd"}) {
            var response = http().get().uri("/api/dashboard/deepdives?year=" + bad).retrieve().toEntity(String.class);

            assertThat(response.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.get("rule").asText()).isEqualTo("programme-year");
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("year");
        }
        assertThat(http().get().uri("/api/dashboard/deepdives").retrieve().toEntity(String.class)
                .getStatusCode().value()).as("no year").isEqualTo(400);
    }

    private JsonNode programme(String year) throws Exception {
        var response = http().get().uri("/api/dashboard/deepdives?year=" + year).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private String register(String provider, String district) {
        String id = UUID.randomUUID().toString();
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS, ContractEvents.registered(id, provider, "YOUTH",
                ContractEvents.district("South", district), new BigDecimal("100000.00")));
        return id;
    }

    private static IntegrationEvent<?> planned(String id) {
        return deepDive(id, 1, new DeepDivePlanned(id, 2018, LocalDate.of(2018, 5, 31), "ignored", List.of()));
    }

    private static IntegrationEvent<?> deepDive(String id, long sequence, Object data) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), Context.DEEPDIVES.source(), id,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), sequence, "officer.jones", UUID.randomUUID().toString(),
                data);
    }

    private void sendDeepDives(IntegrationEvent<?>... events) {
        EventSender.send(kafka.getBrokersAsString(), Topics.DEEPDIVES, events);
    }
}
