package org.commissioning.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * kpi-service's share of a contract's evidence pack ({@code GET /api/kpi/contracts/{id}/evidence?asOf=}): rendered
 * from the event store as it stood at the instant, the same bytes every time for the same instant, whatever was
 * stored after it.
 */
class KpiEvidencePartIT extends KpiServiceOverHttp {

    static final List<String> FILES = List.of("kpi/frameworks.json", "kpi/bands.csv", "kpi/returns.csv",
            "kpi/corrections.csv", "kpi/council-figures.csv", "kpi/discrepancies.csv", "kpi/overdue.csv",
            "kpi/returns.json");
    static final String PROVIDER = "nelft.performance";
    static final String CORRECTION = """
            {"kpiCode":"CRISIS-TREATED-4H","value":91,"reason":"Two presentations at Dover were treated in time"}""";

    @Test
    void rendersTheContractsFiguresAsTheyStoodTheSameBytesEveryTimeAndNothingStoredAfterTheInstant() throws Exception {
        String id = withTemplateFramework("2018-04");
        String october = CONTRACTS + id + "/returns/2018-10";
        octoberWithAResolvedDiscrepancy(id);
        created(post(CONTRACTS + id + "/returns/2018-12/council-figures", """
                {"values":[{"kpiCode":"LAC-ASSESSED-2W","value":100}]}""", OFFICER));
        Instant asOf = afterThisMillisecond();
        ResponseEntity<String> first = evidence(id, asOf);

        // after the instant: a correction, a revision of the framework and November's return
        created(post(october + "/corrections", CORRECTION, OFFICER));
        assertThat(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2019-04","fromTemplate":true}""").getStatusCode().value()).isEqualTo(200);
        created(post(CONTRACTS + id + "/returns", OCTOBER_RETURN.replace("2018-10", "2018-11"), PROVIDER));

        ResponseEntity<String> again = evidence(id, asOf);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        JsonNode part = body(first);
        assertThat(part.get("context").asText()).isEqualTo("kpi");
        assertThat(part.get("contractId").asText()).isEqualTo(id);
        assertThat(Instant.parse(part.get("asOf").asText())).isEqualTo(asOf);
        assertThat(texts(part.get("files"), "name")).startsWith(FILES.toArray(String[]::new))
                .as("the chain of the framework's stream and of each return's stored by then")
                .contains("kpi/chain/" + id + ".lines", "kpi/chain/" + id + "_2018-10.lines",
                        "kpi/chain/verification.json", "kpi/chain/seals.json", "kpi/chain/seal-keys.json");
        Map<String, String> files = files(part);

        JsonNode frameworks = json.readTree(files.get("kpi/frameworks.json"));
        assertThat(frameworks.get("versions")).hasSize(1);
        assertThat(frameworks.at("/versions/0/actor").asText()).isEqualTo(OFFICER);
        assertThat(frameworks.at("/versions/0/kpis/0/bands/3/interval").asText()).isEqualTo("(95, ..)");
        assertThat(rows(files.get("kpi/bands.csv"))).hasSize(12).first().satisfies(band -> {
            assertThat(band.get("kpi_code")).isEqualTo("CALLS-TRIAGED-24H");
            assertThat(band.get("rating")).isEqualTo("RED");
            assertThat(band.get("lower")).isEmpty();
            assertThat(band.get("upper")).isEqualTo("85");
            assertThat(band.get("upper_inclusive")).isEqualTo("false");
        });

        List<CSVRecord> returns = rows(files.get("kpi/returns.csv"));
        assertThat(returns).extracting(r -> r.get("period") + " " + r.get("kpi_code") + " " + r.get("district"))
                .containsExactly("2018-10 CALLS-TRIAGED-24H ", "2018-10 CALLS-TRIAGED-24H Ashford",
                        "2018-10 CRISIS-TREATED-4H ", "2018-10 LAC-ASSESSED-2W ", "2018-12 LAC-ASSESSED-2W ");
        CSVRecord crisis = returns.get(2);
        assertThat(crisis.get("value")).isEqualTo("85");
        assertThat(crisis.get("band")).isEqualTo("AMBER");
        assertThat(crisis.get("corrections")).isEqualTo("0");
        assertThat(crisis.get("submitted_by")).isEqualTo(PROVIDER);
        CSVRecord lac = returns.get(3);
        assertThat(List.of(lac.get("submitted_numerator"), lac.get("submitted_denominator"),
                lac.get("council_value"), lac.get("validation"), lac.get("rated_source"), lac.get("rated_value"),
                lac.get("rated_band"), lac.get("rated_framework_version"), lac.get("rated_headline")))
                .containsExactly("2", "3", "50", "RESOLVED", "PROVIDER", "66.67", "RED", "1", "true");
        assertThat(returns.get(1).get("rated_source")).as("a district's value is not rated").isEmpty();
        CSVRecord councilOnly = returns.get(4);
        assertThat(List.of(councilOnly.get("submitted_value"), councilOnly.get("submitted_by"),
                councilOnly.get("rated_source"), councilOnly.get("rated_value"), councilOnly.get("rated_band")))
                .containsExactly("", "", "COUNCIL", "100", "STRETCH");

        assertThat(rows(files.get("kpi/corrections.csv"))).as("the correction came after the instant").isEmpty();
        assertThat(rows(files.get("kpi/council-figures.csv"))).extracting(r -> r.get("period") + " "
                + r.get("value") + " " + r.get("recorded_by")).containsExactly("2018-10 50 " + OFFICER,
                "2018-12 100 " + OFFICER);
        assertThat(rows(files.get("kpi/discrepancies.csv"))).singleElement().satisfies(flag -> {
            assertThat(flag.get("status")).isEqualTo("RESOLVED");
            assertThat(flag.get("provider_value")).isEqualTo("66.67");
            assertThat(flag.get("council_value")).isEqualTo("50");
            assertThat(flag.get("resolved_by")).isEqualTo(OFFICER);
            assertThat(flag.get("note")).isEqualTo("The council's count missed two assessments");
            assertThat(flag.get("value_standing")).isEqualTo("66.67");
            assertThat(Instant.parse(flag.get("resolved_at"))).isBefore(asOf.plusMillis(1));
        });
        // October's return came three years after its due date: it recorded itself overdue
        assertThat(rows(files.get("kpi/overdue.csv"))).singleElement().satisfies(overdue -> {
            assertThat(overdue.get("period")).isEqualTo("2018-10");
            assertThat(overdue.get("due_date")).isEqualTo("2018-11-15");
            assertThat(overdue.get("recorded_by")).isEqualTo(PROVIDER);
            assertThat(overdue.get("late")).isEqualTo("true");
        });
        JsonNode records = json.readTree(files.get("kpi/returns.json"));
        assertThat(texts(records.get("returns"), "period")).containsExactly("2018-10", "2018-12");
        assertThat(records.at("/returns/0/record/values/3/value").decimalValue()).isEqualByComparingTo("85");
        assertThat(texts(records.at("/returns/0/events"), "type")).contains("MonthlyReturnSubmittedEvent",
                "KpiDiscrepancyResolvedEvent").doesNotContain("KpiCorrectedEvent");
        assertThat(part.get("readme").asText()).contains("kpi/returns.csv", "rated_source", "kpi/overdue.csv");

        Map<String, String> now = files(body(evidence(id, Instant.now())));
        assertThat(json.readTree(now.get("kpi/frameworks.json")).get("versions")).hasSize(2);
        CSVRecord corrected = rows(now.get("kpi/returns.csv")).get(2);
        assertThat(List.of(corrected.get("submitted_value"), corrected.get("value"), corrected.get("band"),
                corrected.get("corrections"), corrected.get("rated_value"), corrected.get("rated_band")))
                .containsExactly("85", "91", "GREEN", "1", "91", "GREEN");
        assertThat(rows(now.get("kpi/corrections.csv"))).singleElement().satisfies(correction -> {
            assertThat(List.of(correction.get("period"), correction.get("kpi_code"),
                    correction.get("previous_value"), correction.get("value"), correction.get("corrected_by"),
                    correction.get("reason"))).containsExactly("2018-10", "CRISIS-TREATED-4H", "85", "91", OFFICER,
                    "Two presentations at Dover were treated in time");
            assertThat(Instant.parse(correction.get("stored_at"))).isAfter(asOf);
        });
        assertThat(rows(now.get("kpi/returns.csv"))).extracting(r -> r.get("period")).contains("2018-11");
    }

    @Test
    void aContractWithNothingRecordedHasEveryFileEmpty() throws Exception {
        String id = registered();

        JsonNode part = body(evidence(id, afterThisMillisecond()));

        assertThat(texts(part.get("files"), "name")).as("no stream, so no stream's lines, but the chain's other files")
                .containsExactlyElementsOf(Stream.concat(FILES.stream(), Stream.of("kpi/chain/verification.json",
                        "kpi/chain/seals.json", "kpi/chain/seal-keys.json")).toList());
        Map<String, String> files = files(part);
        for (String csv : FILES.stream().filter(name -> name.endsWith(".csv")).toList()) {
            assertThat(rows(files.get(csv))).as(csv).isEmpty();
            assertThat(files.get(csv)).as(csv).isNotBlank();
        }
        assertThat(json.readTree(files.get("kpi/frameworks.json")).get("versions")).isEmpty();
        assertThat(json.readTree(files.get("kpi/returns.json")).get("returns")).isEmpty();
    }

    @Test
    void refusesAnUnknownContractAndAnInstantInTheFutureOrMalformed() throws Exception {
        String id = withTemplateFramework("2018-04");

        problem(evidence(UUID.randomUUID().toString(), Instant.now()), 404);
        refused(evidence(id, Instant.now().plus(1, ChronoUnit.DAYS)), "as-of-in-future", "asOf");
        refused(get(CONTRACTS + id + "/evidence?asOf=yesterday"), "instant", "asOf");
    }

    private ResponseEntity<String> evidence(String id, Instant asOf) {
        return get(CONTRACTS + id + "/evidence?asOf=" + asOf);
    }

    private static Map<String, String> files(JsonNode part) {
        Map<String, String> files = new LinkedHashMap<>();
        part.get("files").forEach(file -> files.put(file.get("name").asText(), file.get("content").asText()));
        return files;
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}
