package org.commissioning.deepdive.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.deepdives.v1.AreaGrade;
import org.commissioning.events.deepdives.v1.DeepDiveAreaGraded;
import org.commissioning.events.deepdives.v1.DeepDiveCancelled;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.events.deepdives.v1.DeepDiveScheduled;
import org.commissioning.events.deepdives.v1.VariationRecommended;
import org.commissioning.testsupport.IntegrationEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deep-dive programme over real HTTP and the embedded broker: contracts registered in contract-service, the
 * programme of 2018-19 opened by an officer, one deep dive scheduled, rescheduled, evaluated area by area and
 * completed (with a variation recommended), another recorded complete from the 2018 papers without grades, a
 * contract registered mid-year joining the programme and leaving it when terminated; every refusal answered with a
 * problem naming its field or rule and nothing stored; the deep dives published on deepdives.events.v1.
 */
class DeepDivesIT extends RunningDeepdiveService {

    static final int YEAR = 2018;

    @Test
    void runsTheProgrammeOfAYearFromOpeningToCompletion() throws Exception {
        String porchlight = UUID.randomUUID().toString();
        String sk8side = UUID.randomUUID().toString();
        String ended = UUID.randomUUID().toString();
        registerAndWait(
                registered(porchlight, "Porchlight", "Ashford", LocalDate.of(2016, 10, 1), LocalDate.of(2020, 9, 30)),
                registered(sk8side, "Sk8side", "Ashford", LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31)),
                registered(ended, "Gone Ltd", "Dover", LocalDate.of(2015, 4, 1), LocalDate.of(2018, 3, 31)));
        String programme = "/api/deepdives/programmes/" + YEAR;

        JsonNode opened = body(status(postEmpty(programme), 201));
        assertThat(texts(opened.get("contractIds"), null)).contains(porchlight, sk8side).doesNotContain(ended);
        JsonNode again = problem(postEmpty(programme), 409);
        assertThat(again.get("rule").asText()).isEqualTo("programme-opened-once");
        assertThat(again.get("currentState").asText()).isEqualTo("OPEN");

        String dive = "/api/deepdives/contracts/" + porchlight + "/deep-dives/" + YEAR;
        JsonNode planned = body(status(get(dive), 200));
        assertThat(planned.get("status").asText()).isEqualTo("PLANNED");
        assertThat(planned.get("dueDate").asText()).as("October, the contract's anniversary").isEqualTo("2018-10-31");
        assertThat(body(status(get("/api/deepdives/contracts/" + sk8side + "/deep-dives/" + YEAR), 200))
                .get("dueDate").asText()).isEqualTo("2018-04-30");
        problem(get("/api/deepdives/contracts/" + ended + "/deep-dives/" + YEAR), 404);

        String id = DeepDiveCommands.id(porchlight, YEAR);
        long stored = storedEvents(id);
        JsonNode second = problem(post(dive, "{}", OFFICER), 409);
        assertThat(second.get("rule").asText()).isEqualTo("one-deep-dive-per-year");
        assertThat(second.get("currentState").asText()).isEqualTo("PLANNED");
        JsonNode endedContract = problem(post("/api/deepdives/contracts/" + ended + "/deep-dives/" + YEAR, "{}",
                OFFICER), 409);
        assertThat(endedContract.get("rule").asText()).isEqualTo("contract-ended");
        refused(post("/api/deepdives/contracts/" + porchlight + "/deep-dives/2020", "{\"dueDate\":\"2020-12-31\"}",
                OFFICER), "due-date-within-term", "dueDate");
        refused(post("/api/deepdives/contracts/" + porchlight + "/deep-dives/1999", "{}", OFFICER),
                "programme-year", "year");
        assertThat(storedEvents(DeepDiveCommands.id(porchlight, 2020))).isZero();

        status(put(dive + "/schedule", "{\"date\":\"2018-05-24\",\"leadOfficer\":\"officer.jones\"}", OFFICER), 200);
        refused(put(dive + "/schedule", "{\"date\":\"2018-05-31\",\"leadOfficer\":\"officer.jones\"}", OFFICER),
                "reschedule-reason", "reason");
        refused(put(dive + "/schedule", "{\"date\":\"2019-05-31\",\"leadOfficer\":\"officer.jones\",\"reason\":\"x\"}",
                OFFICER), "date-within-year", "date");
        JsonNode rescheduled = body(status(put(dive + "/schedule", """
                {"date":"2018-05-31","leadOfficer":"officer.smith","reason":"The provider's manager is on leave"}""",
                OFFICER), 200));
        assertThat(rescheduled.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(rescheduled.get("dueDate").asText()).isEqualTo("2018-05-31");
        assertThat(rescheduled.get("leadOfficer").asText()).isEqualTo("officer.smith");
        assertThat(texts(rescheduled.get("schedule"), "reason")).containsExactly("", "The provider's manager is on leave");
        assertThat(rescheduled.at("/schedule/1/previousDate").asText()).isEqualTo("2018-05-24");

        conflictNamed(put(dive + "/areas/1", area("GOOD"), OFFICER), "deep-dive-in-progress", "SCHEDULED");
        assertThat(body(status(postEmpty(dive + "/start"), 200)).get("status").asText()).isEqualTo("IN_PROGRESS");
        for (int area = 1; area <= 8; area++) {
            status(put(dive + "/areas/" + area, area(area == 4 ? "INADEQUATE" : "REQUIRES_IMPROVEMENT"), OFFICER), 200);
        }
        stored = storedEvents(id);
        refused(put(dive + "/areas/10", area("GOOD"), OFFICER), "area-within-nine", "area");
        refused(put(dive + "/areas/9", area("EXCELLENT"), OFFICER), "grade-on-scale", "grade");
        refusedField(put(dive + "/areas/9", "{\"grade\":\"GOOD\",\"evidence\":\"" + "x".repeat(4001)
                + "\",\"findings\":\"f\"}", OFFICER), "evidence");
        JsonNode missing = refused(post(dive + "/completion", "{\"overallGrade\":\"REQUIRES_IMPROVEMENT\"}", OFFICER),
                "all-areas-graded", "areas");
        assertThat(missing.get("detail").asText()).endsWith("not graded: 9 LESSONS_AND_VARIATION");
        refused(put(dive + "/areas/4", """
                {"grade":"GOOD","evidence":"e","findings":"f","variationRecommended":true,"variationReason":"x"}""",
                OFFICER), "variation-on-area-9", "variationRecommended");
        assertThat(storedEvents(id)).as("nothing stored for a refused request").isEqualTo(stored);

        JsonNode graded = body(status(put(dive + "/areas/9", """
                {"grade":"REQUIRES_IMPROVEMENT","evidence":"Interviews with the manager","findings":"Demand doubled",
                 "variationRecommended":true,"variationReason":"Demand in Ashford doubled; add a second session"}""",
                OFFICER), 200));
        assertThat(graded.get("areas").size()).isEqualTo(9);
        assertThat(graded.get("suggestedGrade").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
        refused(post(dive + "/completion", "{\"overallGrade\":\"INADEQUATE\"}", OFFICER),
                "rationale-when-overall-differs", "rationale");
        refusedField(post(dive + "/completion", """
                {"overallGrade":"INADEQUATE","rationale":"r","actions":[{"description":"Do it","dueDate":"2018-07-31"}]}""",
                OFFICER), "actions[0].owner");
        JsonNode completed = body(status(post(dive + "/completion", """
                {"overallGrade":"INADEQUATE","rationale":"Safeguarding shortfalls outweigh the rest",
                 "strengths":["Reaches families the centres do not"],
                 "areasForImprovement":["Case recording"],
                 "actions":[{"description":"Audit every open case","owner":"Porchlight manager","dueDate":"2018-07-31"}]}""",
                OFFICER), 200));
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(completed.get("overallGrade").asText()).isEqualTo("INADEQUATE");
        assertThat(completed.get("suggestedGrade").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(completed.get("completedBy").asText()).isEqualTo(OFFICER);
        assertThat(completed.get("variationReason").asText()).startsWith("Demand in Ashford doubled");
        conflictNamed(post(dive + "/completion", "{\"overallGrade\":\"GOOD\"}", OFFICER), "deep-dive-in-progress",
                "COMPLETE");

        String historic = "/api/deepdives/contracts/" + sk8side + "/deep-dives/" + YEAR;
        refusedField(post(historic + "/historic-completion", "{\"completedOn\":\"2018-05-31\"}", OFFICER),
                "sourceReference");
        JsonNode fromPapers = body(status(post(historic + "/historic-completion", """
                {"completedOn":"2018-05-31","sourceReference":"KCC Early Help report 2018, Fig. 1: Complete"}""",
                OFFICER), 200));
        assertThat(fromPapers.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(fromPapers.get("historic").asBoolean()).isTrue();
        assertThat(fromPapers.has("overallGrade")).as("no grade invented").isFalse();

        String midYear = UUID.randomUUID().toString();
        registerAndWait(registered(midYear, "Late Start", "Thanet", LocalDate.of(2018, 11, 15), null));
        await().atMost(PATIENCE).until(() -> get("/api/deepdives/contracts/" + midYear + "/deep-dives/" + YEAR)
                .getStatusCode().value() == 200);
        assertThat(body(get("/api/deepdives/contracts/" + midYear + "/deep-dives/" + YEAR)).get("dueDate").asText())
                .isEqualTo("2018-11-30");

        JsonNode table = await().atMost(PATIENCE).until(() -> body(get(programme)),
                t -> rowOf(t, porchlight) != null && rowOf(t, midYear) != null
                        && "COMPLETE".equals(rowOf(t, porchlight).path("status").asText())
                        && "COMPLETE".equals(rowOf(t, sk8side).path("status").asText()));
        assertThat(table.get("label").asText()).isEqualTo("2018-19");
        assertThat(rowOf(table, porchlight).get("grade").asText()).isEqualTo("INADEQUATE");
        assertThat(rowOf(table, porchlight).get("districts").get(0).asText()).isEqualTo("Ashford");
        assertThat(rowOf(table, sk8side).has("grade")).isFalse();
        assertThat(rowOf(table, sk8side).get("historic").asBoolean()).isTrue();
        assertThat(rowOf(table, midYear).get("status").asText()).isEqualTo("PLANNED");
        JsonNode totals = table.get("totals");
        assertThat(totals.get("complete").asInt() + totals.get("pending").asInt() + totals.get("cancelled").asInt())
                .isEqualTo(table.get("rows").size());

        send(Topics.CONTRACTS, IntegrationEvents.contractEvent(UUID.randomUUID().toString(), midYear,
                IntegrationEvents.REGISTERED_AT, 2, new ContractTerminated(midYear, "PROVIDER",
                        LocalDate.of(2019, 1, 31), "The provider withdrew")));
        JsonNode cancelled = await().atMost(PATIENCE).until(() -> body(get("/api/deepdives/contracts/" + midYear
                + "/deep-dives/" + YEAR)), d -> "CANCELLED".equals(d.path("status").asText()));
        assertThat(cancelled.get("cancellationReason").asText())
                .isEqualTo("The contract was terminated with effect from 2019-01-31 (The provider withdrew)");

        List<IntegrationEvent<?>> published = published(Topics.DEEPDIVES, porchlight, 15);
        assertThat(published).hasSize(15);
        assertThat(published).extracting(IntegrationEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 15).boxed().toList());
        assertThat(published).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo(porchlight);
            assertThat(e.source()).isEqualTo("/deepdive-service");
            assertThat(e.actor()).isEqualTo(OFFICER);
        });
        assertThat(published.get(0).data()).isEqualTo(new DeepDivePlanned(porchlight, YEAR,
                LocalDate.of(2018, 10, 31), "Porchlight", List.of("Ashford")));
        assertThat(published.get(2).data()).isEqualTo(new DeepDiveScheduled(porchlight, YEAR,
                LocalDate.of(2018, 5, 31), "officer.smith", true, "The provider's manager is on leave"));
        assertThat(published.get(7).data()).isEqualTo(new DeepDiveAreaGraded(porchlight, YEAR, 4,
                "SERVICE_REQUIREMENTS", "INADEQUATE"));
        DeepDiveCompleted completion = (DeepDiveCompleted) published.get(13).data();
        assertThat(completion.overallGrade()).isEqualTo("INADEQUATE");
        assertThat(completion.suggestedGrade()).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(completion.rationale()).isEqualTo("Safeguarding shortfalls outweigh the rest");
        assertThat(completion.areas()).hasSize(9).first()
                .isEqualTo(new AreaGrade(1, "DIRECT_WORK", "REQUIRES_IMPROVEMENT"));
        assertThat(completion.variationRecommended()).isTrue();
        assertThat(completion.historic()).isFalse();
        assertThat(published.get(14).data()).isEqualTo(new VariationRecommended(porchlight, YEAR,
                "Demand in Ashford doubled; add a second session"));

        DeepDiveCompleted historicCompletion = (DeepDiveCompleted) published(Topics.DEEPDIVES, sk8side, 2).get(1).data();
        assertThat(historicCompletion.historic()).isTrue();
        assertThat(historicCompletion.overallGrade()).isNull();
        assertThat(historicCompletion.sourceReference()).isEqualTo("KCC Early Help report 2018, Fig. 1: Complete");
        IntegrationEvent<?> leaving = published(Topics.DEEPDIVES, midYear, 2).get(1);
        assertThat(leaving.actor()).isEqualTo("system");
        assertThat(leaving.data()).isInstanceOf(DeepDiveCancelled.class);
    }

    @Test
    void chainsAndSealsADeepDivesHistoryAndPublishesTheSealOnTheDeepDivesTopic() throws Exception {
        String id = UUID.randomUUID().toString();
        registerAndWait(registered(id, "Seashells", "Swale", LocalDate.of(2020, 6, 1), null));
        String stream = DeepDiveCommands.id(id, 2021);
        status(post("/api/deepdives/contracts/" + id + "/deep-dives/2021", "{}", OFFICER), 201);
        String verification = "/api/deepdives/history-chain/streams/" + stream + "/verification";
        await().atMost(PATIENCE).until(() -> body(get(verification)).path("recordedThrough").asLong() == 0);
        assertThat(body(get(verification)).get("intact").asBoolean()).isTrue();

        status(post("/api/deepdives/history-chain/seals", "{}", "operator.lee"), 200);

        org.commissioning.events.deepdives.v1.HistorySealed seal = await().atMost(PATIENCE).until(() ->
                published(Topics.DEEPDIVES, stream, 1).stream().map(IntegrationEvent::data)
                        .filter(org.commissioning.events.deepdives.v1.HistorySealed.class::isInstance)
                        .map(org.commissioning.events.deepdives.v1.HistorySealed.class::cast).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(seal.stream()).isEqualTo(stream);
        assertThat(seal.head()).isEqualTo(body(get(verification)).get("head").asText());
        assertThat(seal.source()).isEqualTo("/deepdive-service");
    }

    @Test
    void refusesAProgrammeYearOutsideTheCalendarAndAnUnknownContract() throws Exception {
        refused(postEmpty("/api/deepdives/programmes/1999"), "programme-year", "year");
        problem(get("/api/deepdives/programmes/2099"), 404);
        problem(get("/api/deepdives/contracts/" + UUID.randomUUID() + "/deep-dives/2018"), 404);
        problem(put("/api/deepdives/contracts/" + UUID.randomUUID() + "/deep-dives/2018/schedule",
                "{\"date\":\"2018-05-24\",\"leadOfficer\":\"officer.jones\"}", OFFICER), 404);
    }

    static String area(String grade) {
        return "{\"grade\":\"" + grade + "\",\"evidence\":\"Ten case files sampled\",\"findings\":\"Plans reviewed late\"}";
    }

    static JsonNode rowOf(JsonNode table, String contractId) {
        for (JsonNode row : table.get("rows")) {
            if (row.get("contractId").asText().equals(contractId)) {
                return row;
            }
        }
        return null;
    }

    void conflictNamed(org.springframework.http.ResponseEntity<String> response, String rule, String state)
            throws Exception {
        JsonNode problem = problem(response, 409);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
        assertThat(problem.get("currentState").asText()).isEqualTo(state);
    }
}
