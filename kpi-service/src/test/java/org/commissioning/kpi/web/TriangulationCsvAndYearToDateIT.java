package org.commissioning.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.kpi.v1.KpiDiscrepancyFlagged;
import org.commissioning.events.kpi.v1.KpiDiscrepancyResolved;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Council figures triangulated with the provider's through the API (a discrepancy flagged and resolved, both on
 * {@code kpi.events.v1}), a CSV return refused as a whole for one bad row, and year to date.
 */
class TriangulationCsvAndYearToDateIT extends KpiServiceOverHttp {

    @Test
    void flagsAProviderFigureTheCouncilsDoesNotReconcileWithAndAnOfficerResolvesIt() throws Exception {
        String id = knownContract("EMOTIONAL_HEALTH_AND_WELLBEING", SOUTH, LocalDate.of(2017, 4, 1), LocalDate.of(2099, 3, 31));
        assertThat(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2018-04","fromTemplate":true}""", "officer.jones").getStatusCode().value()).isEqualTo(201);
        assertThat(post(CONTRACTS + id + "/returns", """
                {"period":"2018-10","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97},
                 {"kpiCode":"LAC-ASSESSED-2W","value":100}]}""", "nelft.performance").getStatusCode().value()).isEqualTo(201);

        ResponseEntity<String> providerOnly = post(CONTRACTS + id + "/returns/2018-10/council-figures", """
                {"values":[{"kpiCode":"CALLS-TRIAGED-24H","value":90}]}""", "officer.jones");
        assertThat(providerOnly.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(providerOnly.getBody()).get("rule").asText()).isEqualTo("kpi-not-council-sourced");

        ResponseEntity<String> council = post(CONTRACTS + id + "/returns/2018-10/council-figures", """
                {"values":[{"kpiCode":"LAC-ASSESSED-2W","value":50}]}""", "officer.jones");
        assertThat(council.getStatusCode().value()).as(council.getBody()).isEqualTo(201);

        // October 2018's return came years after its due date: recorded overdue as it arrived
        List<IntegrationEvent<?>> published = published(id, 6);
        assertThat(published).extracting(IntegrationEvent::type).containsExactly(
                "org.commissioning.kpi.KpiFrameworkDefined.v1", "org.commissioning.kpi.ReturnOverdue.v1",
                "org.commissioning.kpi.KpiSubmitted.v1", "org.commissioning.kpi.KpiSubmitted.v1",
                "org.commissioning.kpi.KpiSubmitted.v1", "org.commissioning.kpi.KpiDiscrepancyFlagged.v1");
        assertThat(((KpiSubmitted) published.get(4).data()).source()).isEqualTo("COUNCIL");
        KpiDiscrepancyFlagged flagged = (KpiDiscrepancyFlagged) published.get(5).data();
        assertThat(flagged.kpiCode()).isEqualTo("LAC-ASSESSED-2W");
        assertThat(flagged.providerValue()).isEqualByComparingTo("100");
        assertThat(flagged.councilValue()).isEqualByComparingTo("50");
        assertThat(flagged.tolerance()).isEqualByComparingTo("0");

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode lac = json.readTree(get(CONTRACTS + id + "/returns/2018-10").getBody()).at("/values/1");
            assertThat(lac.get("validation").asText()).isEqualTo("NOT_VALIDATED");
            assertThat(lac.at("/council/value").decimalValue()).isEqualByComparingTo("50");
        });

        ResponseEntity<String> noNote = post(CONTRACTS + id + "/returns/2018-10/discrepancies/LAC-ASSESSED-2W/resolution",
                "{}", "officer.jones");
        assertThat(json.readTree(noNote.getBody()).get("rule").asText()).isEqualTo("note-required");
        ResponseEntity<String> resolved = post(CONTRACTS + id + "/returns/2018-10/discrepancies/LAC-ASSESSED-2W/resolution",
                """
                {"note":"NELFT counted children placed by other authorities"}""", "officer.jones");
        assertThat(resolved.getStatusCode().value()).as(resolved.getBody()).isEqualTo(201);

        IntegrationEvent<?> resolution = published(id, 7).get(6);
        assertThat(resolution.type()).isEqualTo("org.commissioning.kpi.KpiDiscrepancyResolved.v1");
        assertThat(resolution.actor()).isEqualTo("officer.jones");
        assertThat(((KpiDiscrepancyResolved) resolution.data()).note())
                .isEqualTo("NELFT counted children placed by other authorities");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode view = json.readTree(get(CONTRACTS + id + "/returns/2018-10").getBody());
            assertThat(view.at("/values/1/validation").asText()).isEqualTo("RESOLVED");
            assertThat(view.at("/values/1/discrepancies/0/resolvedBy").asText()).isEqualTo("officer.jones");
            assertThat(view.at("/values/0/validation").asText()).isEqualTo("SINGLE_SOURCE");
        });
        ResponseEntity<String> again = post(CONTRACTS + id + "/returns/2018-10/discrepancies/LAC-ASSESSED-2W/resolution",
                """
                {"note":"again"}""", "officer.jones");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void storesNothingFromACsvWithABadRowAndAcceptsItCorrectedThenReportsYearToDate() throws Exception {
        String id = knownContract("EMOTIONAL_HEALTH_AND_WELLBEING", SOUTH, LocalDate.of(2017, 4, 1), LocalDate.of(2099, 3, 31));
        assertThat(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2018-04","fromTemplate":true}""", "officer.jones").getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> template = get(CONTRACTS + id + "/returns/template.csv?period=2018-04");
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        assertThat(template.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(template.getBody()).isEqualTo("kpiCode,district,value,numerator,denominator\r\n"
                + "CALLS-TRIAGED-24H,,,,\r\nLAC-ASSESSED-2W,,,,\r\nCRISIS-TREATED-4H,,,,\r\n");
        long stored = storedEvents();

        ResponseEntity<String> bad = providerCsv(CONTRACTS + id + "/returns/2018-04/csv", """
                kpiCode,district,value,numerator,denominator
                CALLS-TRIAGED-24H,,66,,
                LAC-ASSESSED-2W,,,0,1
                CRISIS-TREATED-4H,Thanet,101,,
                """);
        assertThat(bad.getStatusCode().value()).as(bad.getBody()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(bad.getBody());
        assertThat(problem.get("rule").asText()).isEqualTo("csv-invalid");
        assertThat(problem.at("/errors/0/line").asInt()).isEqualTo(4);
        assertThat(problem.at("/errors/0/rule").asText()).isEqualTo("district-outside-lot");
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(get(CONTRACTS + id + "/returns/2018-04").getStatusCode().value()).isEqualTo(404);

        assertThat(providerCsv(CONTRACTS + id + "/returns/2018-04/csv", """
                kpiCode,district,value,numerator,denominator
                CALLS-TRIAGED-24H,,66,,
                LAC-ASSESSED-2W,,,0,1
                """).getStatusCode().value()).isEqualTo(201);
        assertThat(post(CONTRACTS + id + "/returns", """
                {"period":"2018-05","values":[{"kpiCode":"CALLS-TRIAGED-24H","value":73},
                 {"kpiCode":"LAC-ASSESSED-2W","numerator":9,"denominator":10}]}""", "nelft").getStatusCode().value())
                .isEqualTo(201);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode ytd = json.readTree(get(CONTRACTS + id + "/ytd?financialYear=2018").getBody());
            JsonNode lac = ytd.at("/kpis/1");
            assertThat(lac.path("kpiCode").asText()).as(ytd.toString()).isEqualTo("LAC-ASSESSED-2W");
            // path, not get: a year to date still being projected lacks members, and is asked again
            // exactly 9 of 11, where the mean of 0% and 90% would say 45%
            assertThat(lac.path("method").asText()).isEqualTo("EXACT_FROM_FRACTIONS");
            assertThat(lac.path("value").decimalValue()).isEqualByComparingTo("81.82");
            assertThat(lac.path("monthsIncluded")).hasSize(2);
            assertThat(lac.path("monthsMissing")).hasSize(10);
            JsonNode calls = ytd.at("/kpis/0");
            assertThat(calls.path("method").asText()).isEqualTo("MEAN_OF_MONTHLY_VALUES");
            assertThat(calls.path("value").decimalValue()).isEqualByComparingTo("69.5");
        });
    }

    private ResponseEntity<String> providerCsv(String path, String body) {
        return csv(path, body, "nelft.performance");
    }
}
