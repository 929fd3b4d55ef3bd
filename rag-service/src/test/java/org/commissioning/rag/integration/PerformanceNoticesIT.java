package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.events.kpi.v1.KpiDefinition;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.events.ratings.v1.KpiNoticeRating;
import org.commissioning.events.ratings.v1.PerformanceNoticeConfirmed;
import org.commissioning.rag.api.PerformanceNoticeCommands;
import org.commissioning.rag.application.PerformanceNoticeScan;
import org.commissioning.testsupport.IntegrationEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Procurement Act 2023 contract performance notices over real HTTP and the embedded broker: a contract in scope of
 * s.52 (registered from 2025-04 at £2m a year for three years, with three KPIs) and a year of KPI values rated
 * here; its notice for the year from 2025-04 drafted from the ratings, confirmed with an amendment and exported as
 * JSON, the confirmation published on ratings.events.v1. Refusals store nothing.
 */
class PerformanceNoticesIT extends RunningRagService {

    static final YearMonth FROM = YearMonth.of(2025, 4);
    static final String OFFICER = "officer.jones";
    static final List<String> KPIS = List.of("CALLS-TRIAGED-24H", "ASSESSED-28D", "REVIEWED-12W");

    @Autowired
    PerformanceNoticeScan scan;

    @Test
    void draftsConfirmsAndExportsTheNoticeOfAYearOfAContractInScope() throws Exception {
        String id = UUID.randomUUID().toString();
        String notices = "/api/ratings/contracts/" + id + "/performance-notices";
        send(Topics.CONTRACTS, inScope(id));
        send(Topics.KPI, aYearOfValues(id).toArray(IntegrationEvent[]::new));
        await().atMost(PATIENCE).until(() -> body(get("/api/ratings/contracts/" + id + "/ratings"))
                .path("periods").size() == 12);

        JsonNode draft = body(ok(draft(notices + "/2025-04/draft")));

        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("yearTo").asText()).isEqualTo("2026-03");
        assertThat(draft.get("policyVersion").asText()).isEqualTo("pa2023-notice.v1");
        assertThat(draft.at("/scope/inScope").asBoolean()).as(draft.get("scope").toString()).isTrue();
        assertThat(draft.at("/scope/totalValueGbp").decimalValue()).isEqualByComparingTo("6000000");
        assertThat(texts(draft.get("kpis"), "kpiCode")).containsExactlyElementsOf(KPIS);
        assertThat(texts(draft.get("kpis"), "rating"))
                .containsExactly("GOOD", "APPROACHING_TARGET", "INADEQUATE");
        assertThat(draft.at("/kpis/2/redMonths").asInt()).isEqualTo(10);
        assertThat(draft.at("/kpis/2/months").size()).isEqualTo(12);
        assertThat(draft.get("derivedOverall").asText()).isEqualTo("INADEQUATE");
        assertThat(draft.get("periods").size()).isEqualTo(12);
        assertThat(draft.get("draftedBy").asText()).isEqualTo(OFFICER);

        String noticesId = PerformanceNoticeCommands.id(id);
        long stored = storedEvents(noticesId);
        refused(draft(notices + "/2025-05/draft"), "assessment-year", "yearFrom");
        refused(draft(notices + "/2999-04/draft"), "assessment-year-begun", "yearFrom");
        refused(draft(notices + "/2025-4/draft"), "period", "yearFrom");
        JsonNode notDrafted = problem(post(notices + "/2026-04/confirmation", "{\"rationale\":\"Why\"}", OFFICER),
                409);
        assertThat(notDrafted.get("rule").asText()).isEqualTo("notice-drafted");
        assertThat(notDrafted.get("currentState").asText()).isEqualTo("NONE");
        refused(post(notices + "/2025-04/confirmation",
                "{\"rationale\":\"Why\",\"amendments\":[{\"kpiCode\":\"NOPE\",\"rating\":\"GOOD\"}]}", OFFICER),
                "amended-kpi-in-notice", "amendments");
        refusedField(post(notices + "/2025-04/confirmation",
                "{\"rationale\":\"Why\",\"amendments\":[{\"kpiCode\":\"REVIEWED-12W\",\"rating\":\"POOR\"}]}", OFFICER),
                "amendments[0].rating");
        refusedField(post(notices + "/2025-04/confirmation", "{\"rationale\":\" \"}", OFFICER), "rationale");
        assertThat(storedEvents(noticesId)).as("nothing stored for a refused request").isEqualTo(stored);
        problem(get(notices + "/2026-04"), 404);

        JsonNode confirmed = body(ok(post(notices + "/2025-04/confirmation", """
                {"rationale":"Reviews recovered from January under the improvement plan.",
                 "amendments":[{"kpiCode":"REVIEWED-12W","rating":"REQUIRES_IMPROVEMENT"}]}""", OFFICER)));
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.at("/confirmation/overall").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(confirmed.at("/confirmation/amended").asBoolean()).isTrue();
        JsonNode again = problem(post(notices + "/2025-04/confirmation", "{\"rationale\":\"Again\"}", OFFICER), 409);
        assertThat(again.get("rule").asText()).isEqualTo("notice-not-confirmed");
        assertThat(again.get("currentState").asText()).isEqualTo("CONFIRMED");
        assertThat(problem(draft(notices + "/2025-04/draft"), 409).get("currentState").asText())
                .isEqualTo("CONFIRMED");

        ResponseEntity<String> export = ok(get(notices + "/2025-04"));
        assertThat(export.getHeaders().getContentType()).hasToString("application/json");
        assertThat(export.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("performance-notice-" + id + "-2025-04.json");
        JsonNode exported = body(export);
        assertThat(exported.get("contractId").asText()).isEqualTo(id);
        assertThat(exported.get("provider").asText()).isEqualTo("Kent Community Health");
        assertThat(exported.get("kpis")).isEqualTo(draft.get("kpis"));
        assertThat(exported.at("/confirmation/rationale").asText())
                .isEqualTo("Reviews recovered from January under the improvement plan.");
        assertThat(exported.at("/confirmation/officer").asText()).isEqualTo(OFFICER);
        assertThat(texts(exported.at("/confirmation/kpis"), "confirmed"))
                .containsExactly("GOOD", "APPROACHING_TARGET", "REQUIRES_IMPROVEMENT");
        assertThat(texts(exported.at("/confirmation/kpis"), "derived"))
                .containsExactly("GOOD", "APPROACHING_TARGET", "INADEQUATE");

        JsonNode schedule = body(ok(get(notices)));
        assertThat(schedule.at("/scope/inScope").asBoolean()).isTrue();
        assertThat(schedule.at("/years/0/yearFrom").asText()).isEqualTo("2025-04");
        assertThat(schedule.at("/years/0/dueBy").asText()).isEqualTo("2026-04-30");
        assertThat(schedule.at("/years/0/status").asText()).isEqualTo("CONFIRMED");

        IntegrationEvent<?> published = await().atMost(PATIENCE).until(() -> published(id, 1).stream()
                .filter(e -> e.type().equals("org.commissioning.ratings.PerformanceNoticeConfirmed.v1"))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(published.actor()).isEqualTo(OFFICER);
        assertThat(published.data()).isEqualTo(new PerformanceNoticeConfirmed(id, FROM, YearMonth.of(2026, 3),
                "REQUIRES_IMPROVEMENT", List.of(new KpiNoticeRating(KPIS.get(0), "GOOD"),
                new KpiNoticeRating(KPIS.get(1), "APPROACHING_TARGET"),
                new KpiNoticeRating(KPIS.get(2), "REQUIRES_IMPROVEMENT")), true,
                "Reviews recovered from January under the improvement plan.", OFFICER, "pa2023-notice.v1"));
        assertThat(published(id, 1)).extracting(IntegrationEvent::type)
                .doesNotContain("org.commissioning.ratings.PerformanceNoticeDrafted.v1");
    }

    @Test
    void recordsThatAContractOfThe2018PapersIsOutOfScopeAndWhy() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Topics.CONTRACTS, IntegrationEvents.registered(id, 1));
        await().atMost(PATIENCE).until(() -> get("/api/ratings/contracts/" + id).getStatusCode().value() == 200);

        JsonNode draft = body(ok(draft("/api/ratings/contracts/" + id + "/performance-notices/2018-04/draft")));

        assertThat(draft.at("/scope/inScope").asBoolean()).isFalse();
        assertThat(texts(draft.at("/scope/reasons"), null)).anySatisfy(r -> assertThat(r)
                .contains("before the Procurement Act 2023 came into force"));
        assertThat(draft.get("derivedOverall").asText()).isEqualTo("OTHER");
    }

    @Test
    void raisesTheNoticeOfAContractTerminatedEarlyWhichStaysInScopeAtTheValueItWasLetAt() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Topics.CONTRACTS, inScope(id), IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id,
                IntegrationEvents.REGISTERED_AT, 2, new ContractTerminated(id, "COUNCIL", LocalDate.of(2026, 6, 15),
                        "Persistent under-performance")));
        send(Topics.KPI, aYearOfValues(id).get(0));
        await().atMost(PATIENCE).until(() -> storedEvents(id) > 0
                && body(get("/api/ratings/contracts/" + id)).path("end").asText().equals("2026-06-15"));

        scan.withClock(Clock.fixed(Instant.parse("2026-08-01T06:00:00Z"), ZoneId.of("Europe/London"))).scan();

        JsonNode schedule = body(ok(get("/api/ratings/contracts/" + id + "/performance-notices")));
        assertThat(schedule.at("/scope/inScope").asBoolean()).as(schedule.toString()).isTrue();
        assertThat(schedule.at("/scope/totalValueGbp").decimalValue()).as("three years at £2m")
                .isEqualByComparingTo("6000000");
        assertThat(texts(schedule.get("years"), "trigger")).containsExactly("ANNUAL", "TERMINATION");
        assertThat(texts(schedule.get("years"), "yearTo")).containsExactly("2026-03", "2026-06");
        assertThat(texts(schedule.get("years"), "dueBy")).containsExactly("2026-04-30", "2026-07-15");
        assertThat(texts(schedule.get("years"), "overdue")).containsExactly("true", "true");
        assertThat(storedEvents(PerformanceNoticeCommands.id(id))).isEqualTo(2);
    }

    /** POSTs to a draft endpoint, which takes no body, as the officer. */
    ResponseEntity<String> draft(String path) {
        return http().post().uri(path).header(ACTOR, OFFICER).retrieve().toEntity(String.class);
    }

    static ResponseEntity<String> ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return response;
    }

    /** Registered from 2025-04-01 to 2028-03-31 at £2m a year: £6m in all, over the s.52 threshold. */
    static IntegrationEvent<?> inScope(String id) {
        return IntegrationEvents.contractEvent(UUID.randomUUID().toString(), id, IntegrationEvents.REGISTERED_AT, 1,
                new ContractRegistered(id, "Kent Community Health", "EMOTIONAL_HEALTH_AND_WELLBEING",
                        new Lot("COUNTY", List.of("North", "East", "South", "West"), List.of()),
                        new BigDecimal("2000000"), LocalDate.of(2025, 4, 1), LocalDate.of(2028, 3, 31)));
    }

    /**
     * Three KPIs from 2025-04 and twelve months of each: triage always green, assessment amber, reviews red for ten
     * months of twelve.
     */
    static List<IntegrationEvent<?>> aYearOfValues(String id) {
        List<IntegrationEvent<?>> events = new ArrayList<>();
        events.add(kpiEvent(id, 1, new KpiFrameworkDefined(id, 1, FROM, KPIS.stream().map(code -> new KpiDefinition(
                code, code.toLowerCase(), "PERCENT", "HIGHER_IS_BETTER", true, "PROVIDER", TRIAGE_BANDS)).toList())));
        long sequence = 2;
        for (int m = 0; m < 12; m++) {
            YearMonth month = FROM.plusMonths(m);
            events.add(kpiEvent(id, sequence++, value(id, month, KPIS.get(0), "92", "GREEN")));
            events.add(kpiEvent(id, sequence++, value(id, month, KPIS.get(1), "87", "AMBER")));
            events.add(kpiEvent(id, sequence++, m < 10 ? value(id, month, KPIS.get(2), "70", "RED")
                    : value(id, month, KPIS.get(2), "91", "GREEN")));
        }
        return events;
    }

    static KpiSubmitted value(String id, YearMonth month, String code, String value, String band) {
        return new KpiSubmitted(id, month, code, null, new BigDecimal(value), null, null, "PROVIDER", 1, band);
    }
}
