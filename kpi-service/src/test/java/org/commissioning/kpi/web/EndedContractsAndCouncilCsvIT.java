package org.commissioning.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.testsupport.IntegrationEvents;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A contract terminated on {@code contracts.events.v1}: returns, CSV returns and council figures for months after
 * the one it ended in are refused ({@code contract-not-active}), its final month is accepted. And council figures
 * uploaded as CSV: all or nothing, then triangulated like the JSON ones.
 */
class EndedContractsAndCouncilCsvIT extends KpiServiceOverHttp {

    @Test
    void refusesFiguresForMonthsAfterATerminationAndTakesTheFinalMonth() throws Exception {
        String id = withTemplateFramework("2018-04");
        send(Topics.CONTRACTS, IntegrationEvents.contractEvent(
                UUID.randomUUID().toString(), id, Instant.parse("2018-10-01T10:00:00Z"), 2,
                new ContractTerminated(id, "COUNCIL", LocalDate.of(2018, 10, 15), "Persistent under-performance")));

        String lateReturn = """
                {"period":"2018-11","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97},
                 {"kpiCode":"LAC-ASSESSED-2W","value":100}]}""";
        await().atMost(PATIENCE).until(() -> post(CONTRACTS + id + "/returns", lateReturn, "nelft")
                .getStatusCode().value() == 409);
        long stored = storedEvents();

        conflict(post(CONTRACTS + id + "/returns", lateReturn, "nelft"), "contract-not-active", "TERMINATED");
        conflict(csv(CONTRACTS + id + "/returns/2018-11/csv", """
                kpiCode,district,value,numerator,denominator
                CALLS-TRIAGED-24H,,97,,
                """), "contract-not-active", "TERMINATED");
        conflict(post(CONTRACTS + id + "/returns/2018-11/council-figures", """
                {"values":[{"kpiCode":"LAC-ASSESSED-2W","value":50}]}""", "officer.jones"),
                "contract-not-active", "TERMINATED");
        conflict(csv(CONTRACTS + id + "/returns/2018-12/council-figures/csv", """
                kpiCode,district,value,numerator,denominator
                LAC-ASSESSED-2W,,50,,
                """), "contract-not-active", "TERMINATED");
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(get(CONTRACTS + id + "/returns/2018-11").getStatusCode().value()).isEqualTo(404);

        ResponseEntity<String> finalReturn = post(CONTRACTS + id + "/returns", """
                {"period":"2018-10","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97},
                 {"kpiCode":"LAC-ASSESSED-2W","value":100}]}""", "nelft");
        assertThat(finalReturn.getStatusCode().value()).as(finalReturn.getBody()).isEqualTo(201);
        assertThat(post(CONTRACTS + id + "/returns/2018-10/council-figures", """
                {"values":[{"kpiCode":"LAC-ASSESSED-2W","value":100}]}""", "officer.jones").getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void storesNoCouncilFiguresFromACsvWithABadRowAndTriangulatesAGoodOne() throws Exception {
        String id = withTemplateFramework("2018-04");
        assertThat(post(CONTRACTS + id + "/returns", """
                {"period":"2018-10","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97},
                 {"kpiCode":"LAC-ASSESSED-2W","value":100}]}""", "nelft").getStatusCode().value()).isEqualTo(201);
        long stored = storedEvents();

        ResponseEntity<String> bad = csv(CONTRACTS + id + "/returns/2018-10/council-figures/csv", """
                kpiCode,district,value,numerator,denominator
                LAC-ASSESSED-2W,,50,,
                CALLS-TRIAGED-24H,,90,,
                LAC-ASSESSED-2W,Thanet,40,,
                """);
        JsonNode problem = problem(bad, 400);
        assertThat(problem.get("rule").asText()).isEqualTo("csv-invalid");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(problem.at("/errors/0/rule").asText()).isEqualTo("kpi-not-council-sourced");
        assertThat(problem.at("/errors/1/line").asInt()).isEqualTo(4);
        assertThat(problem.at("/errors/1/rule").asText()).isEqualTo("district-outside-lot");
        assertThat(storedEvents()).isEqualTo(stored);

        ResponseEntity<String> good = csv(CONTRACTS + id + "/returns/2018-10/council-figures/csv", """
                kpiCode,district,value,numerator,denominator
                LAC-ASSESSED-2W,,50,,
                """);
        assertThat(good.getStatusCode().value()).as(good.getBody()).isEqualTo(201);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode lac = json.readTree(get(CONTRACTS + id + "/returns/2018-10").getBody()).at("/values/1");
            assertThat(lac.get("kpiCode").asText()).isEqualTo("LAC-ASSESSED-2W");
            assertThat(lac.at("/council/value").decimalValue()).isEqualByComparingTo("50");
            assertThat(lac.get("validation").asText()).isEqualTo("NOT_VALIDATED");
        });
        conflict(csv(CONTRACTS + id + "/returns/2018-10/council-figures/csv", """
                kpiCode,district,value,numerator,denominator
                LAC-ASSESSED-2W,,60,,
                """), "council-figure-already-recorded", "RECORDED");
    }
}
