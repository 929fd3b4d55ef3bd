package org.commissioning.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.events.kpi.v1.KpiCorrected;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiFrameworkRevised;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The KPI side of a contract end to end: the contract becomes known from {@code ContractRegistered}, its framework
 * is defined and revised over HTTP, returns are submitted and corrected, and each value reaches
 * {@code kpi.events.v1} as its own {@code KpiSubmitted}. Refused requests leave nothing in the event store and
 * nothing on the topic.
 */
class KpiFrameworksAndReturnsIT extends KpiServiceOverHttp {

    @Test
    void publishesEachValueOfAReturnAsKpiSubmittedAndACorrectionAsKpiCorrected() throws Exception {
        String id = knownContract("EMOTIONAL_HEALTH_AND_WELLBEING", SOUTH, LocalDate.of(2017, 4, 1), LocalDate.of(2099, 3, 31));

        ResponseEntity<String> defined = put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2018-04","fromTemplate":true}""", "officer.jones");
        assertThat(defined.getStatusCode().value()).isEqualTo(201);
        JsonNode framework = json.readTree(defined.getBody());
        assertThat(framework.get("version").asInt()).isEqualTo(1);
        assertThat(framework.get("template").asText()).isEqualTo("EMOTIONAL_HEALTH_AND_WELLBEING");
        assertThat(framework.get("kpis").findValuesAsText("code"))
                .containsExactly("CALLS-TRIAGED-24H", "LAC-ASSESSED-2W", "CRISIS-TREATED-4H");
        JsonNode inForce = json.readTree(get(CONTRACTS + id + "/framework?period=2018-10").getBody());
        assertThat(inForce.get("version").asInt()).isEqualTo(1);
        assertThat(inForce.at("/kpis/0/bands/3/rating").asText()).isEqualTo("STRETCH");
        assertThat(inForce.at("/kpis/0/bands/3/lowerInclusive").asBoolean()).isFalse();

        ResponseEntity<String> submitted = post(CONTRACTS + id + "/returns", """
                {"period":"2018-10","narrative":"Crisis cover was short in the second half of the month.",
                 "values":[{"kpiCode":"CALLS-TRIAGED-24H","value":97},
                           {"kpiCode":"CALLS-TRIAGED-24H","district":"Ashford","value":95},
                           {"kpiCode":"LAC-ASSESSED-2W","numerator":2,"denominator":3},
                           {"kpiCode":"CRISIS-TREATED-4H","value":85}]}""", "nelft.performance");
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(201);
        assertThat(submitted.getHeaders().getLocation()).hasToString(CONTRACTS + id + "/returns/2018-10");

        // October 2018's return came years after its due date: recorded overdue as it arrived, before its values
        List<IntegrationEvent<?>> published = published(id, 6).stream()
                .filter(e -> !e.type().equals("org.commissioning.kpi.ReturnOverdue.v1")).toList();
        assertThat(published(id, 6).get(1).type()).isEqualTo("org.commissioning.kpi.ReturnOverdue.v1");
        assertThat(published).extracting(IntegrationEvent::type).containsExactly(
                "org.commissioning.kpi.KpiFrameworkDefined.v1", "org.commissioning.kpi.KpiSubmitted.v1",
                "org.commissioning.kpi.KpiSubmitted.v1", "org.commissioning.kpi.KpiSubmitted.v1",
                "org.commissioning.kpi.KpiSubmitted.v1");
        assertThat(published).extracting(IntegrationEvent::sequence).containsExactly(1L, 3L, 4L, 5L, 6L);
        assertThat(published).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo(id);
            assertThat(e.source()).isEqualTo("/kpi-service");
        });
        KpiFrameworkDefined definedEvent = (KpiFrameworkDefined) published.get(0).data();
        assertThat(definedEvent.effectiveFrom()).isEqualTo(YearMonth.of(2018, 4));
        assertThat(definedEvent.kpis().get(1).bands()).extracting(b -> b.rating(), b -> b.lower(), b -> b.upper())
                .containsExactly(tuple("RED", null, new BigDecimal("80")), tuple("AMBER", new BigDecimal("80"),
                        new BigDecimal("85")), tuple("GREEN", new BigDecimal("85"), new BigDecimal("90")),
                        tuple("STRETCH", new BigDecimal("90"), null));
        List<KpiSubmitted> values = published.subList(1, 5).stream().map(e -> (KpiSubmitted) e.data()).toList();
        assertThat(values).extracting(KpiSubmitted::kpiCode, KpiSubmitted::district, KpiSubmitted::value,
                        KpiSubmitted::numerator, KpiSubmitted::denominator, KpiSubmitted::band)
                .containsExactly(
                        tuple("CALLS-TRIAGED-24H", null, new BigDecimal("97"), null, null, "STRETCH"),
                        tuple("CALLS-TRIAGED-24H", "Ashford", new BigDecimal("95"), null, null, "GREEN"),
                        tuple("LAC-ASSESSED-2W", null, new BigDecimal("66.67"), 2L, 3L, "RED"),
                        tuple("CRISIS-TREATED-4H", null, new BigDecimal("85"), null, null, "AMBER"));
        assertThat(values).allSatisfy(v -> {
            assertThat(v.contractId()).isEqualTo(id);
            assertThat(v.period()).isEqualTo(YearMonth.of(2018, 10));
            assertThat(v.source()).isEqualTo("PROVIDER");
            assertThat(v.frameworkVersion()).isEqualTo(1);
        });
        assertThat(published.subList(1, 5)).extracting(IntegrationEvent::actor).containsOnly("nelft.performance");

        ResponseEntity<String> corrected = post(CONTRACTS + id + "/returns/2018-10/corrections", """
                {"kpiCode":"CRISIS-TREATED-4H","value":86,
                 "reason":"One presentation at Dover was recorded twice"}""", "officer.jones");
        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(201);

        IntegrationEvent<?> correction = published(id, 7).get(6);
        assertThat(correction.type()).isEqualTo("org.commissioning.kpi.KpiCorrected.v1");
        assertThat(correction.actor()).isEqualTo("officer.jones");
        KpiCorrected data = (KpiCorrected) correction.data();
        assertThat(data.value()).isEqualByComparingTo("86");
        assertThat(data.previousValue()).isEqualByComparingTo("85");
        assertThat(data.correctedBy()).isEqualTo("officer.jones");
        assertThat(data.reason()).isEqualTo("One presentation at Dover was recorded twice");
        assertThat(data.correctedAt()).isBefore(Instant.now().plusSeconds(1));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode view = json.readTree(get(CONTRACTS + id + "/returns/2018-10").getBody());
            assertThat(view.get("frameworkVersion").asInt()).isEqualTo(1);
            assertThat(view.get("submittedBy").asText()).isEqualTo("nelft.performance");
            JsonNode crisis = view.get("values").get(3);
            assertThat(crisis.get("kpiCode").asText()).isEqualTo("CRISIS-TREATED-4H");
            assertThat(crisis.get("value").decimalValue()).isEqualByComparingTo("86");
            assertThat(crisis.at("/original/value").decimalValue()).isEqualByComparingTo("85");
            assertThat(crisis.at("/corrections/0/correctedBy").asText()).isEqualTo("officer.jones");
            assertThat(view.at("/values/2/numerator").asLong()).isEqualTo(2);
        });
    }

    @Test
    void refusesEachInvalidSubmissionWithItsOwnRuleAndStoresAndPublishesNothing() throws Exception {
        String id = knownContract("EMOTIONAL_HEALTH_AND_WELLBEING", SOUTH, LocalDate.of(2017, 4, 1), LocalDate.of(2099, 3, 31));
        assertThat(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2017-04","fromTemplate":true}""", "officer.jones").getStatusCode().value()).isEqualTo(201);
        assertThat(post(CONTRACTS + id + "/returns", returnOf("2018-04", calls(null, "90")), "nelft")
                .getStatusCode().value()).isEqualTo(201);
        assertThat(published(id, 3)).hasSize(3);
        YearMonth nextMonth = YearMonth.now(ZoneId.of("Europe/London")).plusMonths(1);

        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("return-already-submitted", returnOf("2018-04", calls(null, "91")));
        refusals.put("period-in-future", returnOf(nextMonth.toString(), calls(null, "91")));
        refusals.put("period-outside-term", returnOf("2017-03", calls(null, "91")));
        refusals.put("district-outside-lot", returnOf("2018-05", calls(null, "91") + "," + calls("Thanet", "91")));
        refusals.put("value-out-of-range", returnOf("2018-05", calls(null, "101")));
        refusals.put("kpi-unknown", returnOf("2018-05", """
                {"kpiCode":"KNITTING","value":5}"""));

        long stored = storedEvents();
        List<String> rules = new ArrayList<>();
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            ResponseEntity<String> response = post(CONTRACTS + id + "/returns", refusal.getValue(), "nelft");
            JsonNode problem = json.readTree(response.getBody());
            assertThat(response.getStatusCode().value()).as(refusal.getKey())
                    .isEqualTo(refusal.getKey().equals("return-already-submitted") ? 409 : 400);
            assertThat(response.getHeaders().getContentType()).as(refusal.getKey()).hasToString("application/problem+json");
            assertThat(problem.get("rule").asText()).isEqualTo(refusal.getKey());
            assertThat(problem.get("detail").asText()).as(refusal.getKey()).isNotBlank();
            assertThat(storedEvents()).as("stored after " + refusal.getKey())
                    .isEqualTo(stored);
            rules.add(problem.get("rule").asText());
        }
        assertThat(rules).doesNotHaveDuplicates().hasSize(6);

        // the relay publishes in the order of the store: had a refusal stored anything, it would come before this
        assertThat(post(CONTRACTS + id + "/returns", returnOf("2018-05", calls(null, "88")), "nelft")
                .getStatusCode().value()).isEqualTo(201);
        List<IntegrationEvent<?>> published = published(id, 5);
        assertThat(published).hasSize(5);
        assertThat(published).filteredOn(e -> e.data() instanceof KpiSubmitted).extracting(e -> ((KpiSubmitted) e.data()).period(),
                        e -> ((KpiSubmitted) e.data()).value())
                .containsExactly(tuple(YearMonth.of(2018, 4), new BigDecimal("90")),
                        tuple(YearMonth.of(2018, 5), new BigDecimal("88")));
        await().atMost(PATIENCE).until(() -> get(CONTRACTS + id + "/returns/2018-05").getStatusCode().value() == 200);
        JsonNode april = json.readTree(get(CONTRACTS + id + "/returns/2018-04").getBody());
        assertThat(april.get("values")).hasSize(1);
        assertThat(april.at("/values/0/value").decimalValue()).isEqualByComparingTo("90");
        assertThat(get(CONTRACTS + id + "/returns/2017-03").getStatusCode().value()).isEqualTo(404);
        assertThat(get(CONTRACTS + id + "/returns/" + nextMonth).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void refusesBandTablesAsPrintedAcceptsThemCorrectedAndRevisesFromALaterPeriod() throws Exception {
        assertThat(put(CONTRACTS + UUID.randomUUID() + "/framework", """
                {"effectiveFrom":"2018-04","fromTemplate":true}""", "officer.jones").getStatusCode().value()).isEqualTo(404);
        String id = knownContract("YOUTH", new Lot("DISTRICT", List.of("South"), List.of("Ashford")), null, null);
        long stored = storedEvents();

        assertRefused(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2018-04","fromTemplate":true}""", "officer.jones"), "template-empty", "fromTemplate");
        JsonNode gap = assertRefused(put(CONTRACTS + id + "/framework", framework("2018-04", """
                {"rating":"STRETCH","lower":95,"lowerInclusive":false},
                {"rating":"GREEN","lower":90,"lowerInclusive":true,"upper":94,"upperInclusive":true},
                {"rating":"AMBER","lower":85,"lowerInclusive":true,"upper":89,"upperInclusive":true},
                {"rating":"RED","upper":85,"upperInclusive":false}"""), "officer.jones"), "band-gap", "kpis[0].bands");
        assertThat(gap.get("detail").asText()).isEqualTo("KPI SESSIONS-ATTENDED: values in (89, 90) are not rated; "
                + "values in (94, 95] are not rated");
        JsonNode overlap = assertRefused(put(CONTRACTS + id + "/framework", framework("2018-04", """
                {"rating":"STRETCH","lower":90,"lowerInclusive":false},
                {"rating":"GREEN","lower":85,"lowerInclusive":true,"upper":90,"upperInclusive":true},
                {"rating":"AMBER","lower":80,"lowerInclusive":true,"upper":85,"upperInclusive":true},
                {"rating":"RED","upper":80,"upperInclusive":false}"""), "officer.jones"), "band-overlap", "kpis[0].bands");
        assertThat(overlap.get("detail").asText()).isEqualTo("KPI SESSIONS-ATTENDED: 85 is rated both GREEN and AMBER");
        assertRefused(put(CONTRACTS + id + "/framework", framework("2018-04", """
                {"rating":"GREEN","lower":90},{"rating":"AMBER","lower":85,"lowerInclusive":true,"upper":90,
                 "upperInclusive":false},{"rating":"RED","upper":85,"upperInclusive":false}"""), "officer.jones"),
                "band-inclusivity-required", "kpis[0].bands[0].lowerInclusive");
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(get(CONTRACTS + id + "/framework").getStatusCode().value()).isEqualTo(404);

        ResponseEntity<String> defined = put(CONTRACTS + id + "/framework", framework("2018-04", CORRECTED), "officer.jones");
        assertThat(defined.getStatusCode().value()).as(defined.getBody()).isEqualTo(201);
        ResponseEntity<String> revised = put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2019-01","kpis":[{"code":"SESSIONS-HELD","name":"Youth sessions held","unit":"COUNT",
                 "direction":"HIGHER_IS_BETTER","headline":true,"expectedSource":"PROVIDER","bands":[
                 {"rating":"RED","upper":8,"upperInclusive":false},
                 {"rating":"AMBER","lower":8,"lowerInclusive":true,"upper":11,"upperInclusive":true},
                 {"rating":"GREEN","lower":12,"lowerInclusive":true}]}]}""", "officer.jones");
        assertThat(revised.getStatusCode().value()).as(revised.getBody()).isEqualTo(200);
        assertThat(json.readTree(revised.getBody()).get("version").asInt()).isEqualTo(2);
        assertRefused(put(CONTRACTS + id + "/framework", framework("2018-06", CORRECTED), "officer.jones"),
                "effective-from-not-after-latest", "effectiveFrom");

        assertThat(versionInForce(id, "?period=2018-12")).isEqualTo(1);
        assertThat(versionInForce(id, "?period=2019-01")).isEqualTo(2);
        assertThat(versionInForce(id, "")).isEqualTo(2);
        assertThat(get(CONTRACTS + id + "/framework?period=2018-03").getStatusCode().value()).isEqualTo(404);

        List<IntegrationEvent<?>> published = published(id, 2);
        assertThat(published).hasSize(2);
        KpiFrameworkRevised revision = (KpiFrameworkRevised) published.get(1).data();
        assertThat(revision.version()).isEqualTo(2);
        assertThat(revision.effectiveFrom()).isEqualTo(YearMonth.of(2019, 1));
        assertThat(revision.kpis().get(0).unit()).isEqualTo("COUNT");
        assertThat(revision.kpis().get(0).bands()).extracting(b -> b.rating()).containsExactly("RED", "AMBER", "GREEN");

        assertThat(post(CONTRACTS + id + "/returns", returnOf("2019-02", """
                {"kpiCode":"SESSIONS-HELD","value":12}"""), "sk8side").getStatusCode().value()).isEqualTo(201);
        KpiSubmitted sessions = (KpiSubmitted) published(id, 4).get(3).data();
        assertThat(sessions.frameworkVersion()).isEqualTo(2);
        assertThat(sessions.band()).isEqualTo("GREEN");
    }

    @Test
    void answersUnknownContractsReturnsAndMalformedRequestsWithProblems() throws Exception {
        String id = knownContract("EMOTIONAL_HEALTH_AND_WELLBEING", SOUTH, LocalDate.of(2017, 4, 1), LocalDate.of(2099, 3, 31));

        assertThat(post(CONTRACTS + UUID.randomUUID() + "/returns", returnOf("2018-04", calls(null, "90")), "nelft")
                .getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> withoutFramework = post(CONTRACTS + id + "/returns", returnOf("2018-04", calls(null, "90")),
                "nelft");
        assertThat(withoutFramework.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(withoutFramework.getBody()).get("rule").asText()).isEqualTo("framework-not-in-force");
        assertThat(json.readTree(withoutFramework.getBody()).get("currentState").asText()).isEqualTo("NO_FRAMEWORK");

        assertThat(put(CONTRACTS + id + "/framework", """
                {"effectiveFrom":"2017-04","fromTemplate":true}""", "officer.jones").getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> badPeriod = get(CONTRACTS + id + "/returns/2018-13");
        assertThat(badPeriod.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(badPeriod.getBody()).at("/errors/0/field").asText()).isEqualTo("period");
        ResponseEntity<String> noPeriod = post(CONTRACTS + id + "/returns", """
                {"values":[{"kpiCode":"CALLS-TRIAGED-24H","value":90}]}""", "nelft");
        assertThat(noPeriod.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(noPeriod.getBody()).at("/errors/0/field").asText()).isEqualTo("period");
        assertThat(get(CONTRACTS + id + "/returns/2018-04").getStatusCode().value()).isEqualTo(404);
        assertThat(post(CONTRACTS + id + "/returns/2018-04/corrections", """
                {"kpiCode":"CALLS-TRIAGED-24H","value":91,"reason":"typo"}""", "officer.jones")
                .getStatusCode().value()).isEqualTo(404);

        assertThat(post(CONTRACTS + id + "/returns", returnOf("2018-04", calls(null, "90")), "nelft")
                .getStatusCode().value()).isEqualTo(201);
        long stored = storedEvents();
        refused(post(CONTRACTS + id + "/returns/2018-04/corrections", """
                {"kpiCode":"CALLS-TRIAGED-24H","value":91,"reason":"typo"}""", null), "actor-required", "X-Actor");
        refused(post(CONTRACTS + id + "/returns/2018-04/council-figures", """
                {"values":[{"kpiCode":"LAC-ASSESSED-2W","value":50}]}""", null), "actor-required", "X-Actor");
        refused(post(CONTRACTS + id + "/returns/2018-04/discrepancies/LAC-ASSESSED-2W/resolution", """
                {"note":"Checked with the provider"}""", null), "actor-required", "X-Actor");
        assertThat(storedEvents()).isEqualTo(stored);
        ResponseEntity<String> withoutReason = post(CONTRACTS + id + "/returns/2018-04/corrections", """
                {"kpiCode":"CALLS-TRIAGED-24H","value":91}""", "officer.jones");
        assertThat(withoutReason.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(withoutReason.getBody()).get("rule").asText()).isEqualTo("reason-required");
    }

    static final String CORRECTED = """
            {"rating":"STRETCH","lower":95,"lowerInclusive":false},
            {"rating":"GREEN","lower":90,"lowerInclusive":true,"upper":95,"upperInclusive":true},
            {"rating":"AMBER","lower":85,"lowerInclusive":true,"upper":90,"upperInclusive":false},
            {"rating":"RED","upper":85,"upperInclusive":false}""";

    private static String framework(String effectiveFrom, String bands) {
        return """
                {"effectiveFrom":"%s","kpis":[{"code":"SESSIONS-ATTENDED","name":"Sessions attended as planned",
                 "unit":"PERCENT","direction":"HIGHER_IS_BETTER","headline":true,"expectedSource":"PROVIDER",
                 "bands":[%s]}]}""".formatted(effectiveFrom, bands);
    }

    private static String returnOf(String period, String values) {
        return """
                {"period":"%s","narrative":"As discussed at the monitoring meeting.","values":[%s]}"""
                .formatted(period, values);
    }

    private static String calls(String district, String value) {
        return district == null ? "{\"kpiCode\":\"CALLS-TRIAGED-24H\",\"value\":" + value + "}"
                : "{\"kpiCode\":\"CALLS-TRIAGED-24H\",\"district\":\"" + district + "\",\"value\":" + value + "}";
    }

    /** A 400 problem breaking {@code rule} whose first error names {@code field}. */
    private JsonNode assertRefused(ResponseEntity<String> response, String rule, String field) throws Exception {
        JsonNode problem = refused(response, rule, field);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo(field);
        return problem;
    }

    private int versionInForce(String id, String query) throws Exception {
        ResponseEntity<String> response = get(CONTRACTS + id + "/framework" + query);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody()).get("version").asInt();
    }
}
