package org.commissioning.deepdive.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commissioning.testsupport.evidence.PartContents.files;
import static org.commissioning.testsupport.evidence.PartContents.rows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVRecord;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * deepdive-service's share of a contract's evidence pack ({@code GET /api/deepdives/contracts/{id}/evidence?asOf=}):
 * rendered from the deep dives' stored events as the store held them at the instant, the same bytes every time for
 * the same instant, whatever was stored after it.
 */
class DeepDiveEvidencePartIT extends RunningDeepdiveService {

    static final List<String> FILES = List.of("deepdives/deep-dives.csv", "deepdives/areas.csv",
            "deepdives/actions.csv", "deepdives/history.csv", "deepdives/deep-dives.json");
    static final int YEAR = 2019;

    @Test
    void rendersTheDeepDivesAsTheyStoodTheSameBytesEveryTimeAndNothingStoredAfterTheInstant() throws Exception {
        String id = UUID.randomUUID().toString();
        registerAndWait(registered(id, "Riverside", "Canterbury", LocalDate.of(2019, 4, 1),
                LocalDate.of(2023, 3, 31)));
        String dive = "/api/deepdives/contracts/" + id + "/deep-dives/" + YEAR;
        status(post(dive, "{}", OFFICER), 201);
        status(put(dive + "/schedule", "{\"date\":\"2019-05-20\",\"leadOfficer\":\"officer.smith\"}", OFFICER), 200);
        status(postEmpty(dive + "/start"), 200);
        for (int area = 1; area <= 9; area++) {
            status(put(dive + "/areas/" + area, DeepDivesIT.area(area == 2 ? "REQUIRES_IMPROVEMENT" : "GOOD"),
                    OFFICER), 200);
        }
        status(put(dive + "/areas/2", """
                {"grade":"GOOD","evidence":"Supervision notes","findings":"Staff now briefed monthly"}""",
                OFFICER), 200);
        Instant beforeCompletion = afterThisMillisecond();
        status(post(dive + "/completion", """
                {"overallGrade":"GOOD","strengths":["Reaches families early"],
                 "actions":[{"description":"Share the case audit","owner":"Riverside manager","dueDate":"2019-07-31"},
                            {"description":"Review supervision","owner":"officer.smith","dueDate":"2019-09-30"}]}""",
                OFFICER), 200);
        Instant asOf = afterThisMillisecond();
        ResponseEntity<String> first = evidence(id, asOf);

        // after the instant: next year's deep dive
        status(post("/api/deepdives/contracts/" + id + "/deep-dives/" + (YEAR + 1), "{}", OFFICER), 201);

        ResponseEntity<String> again = evidence(id, asOf);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        JsonNode part = body(first);
        assertThat(part.get("context").asText()).isEqualTo("deepdives");
        assertThat(part.get("contractId").asText()).isEqualTo(id);
        assertThat(Instant.parse(part.get("asOf").asText())).isEqualTo(asOf);
        String stream = DeepDiveCommands.id(id, YEAR);
        assertThat(texts(part.get("files"), "name")).startsWith(FILES.toArray(String[]::new))
                .contains("deepdives/chain/" + stream.replace(':', '_') + ".lines", "deepdives/chain/verification.json")
                .noneMatch(name -> name.contains(":" + (YEAR + 1)) || name.contains("_" + (YEAR + 1)));
        Map<String, String> files = files(part);

        assertThat(rows(files.get("deepdives/deep-dives.csv"))).singleElement().satisfies(row -> {
            assertThat(List.of(row.get("programme_year"), row.get("stream"), row.get("provider"), row.get("status"),
                    row.get("due_date"), row.get("scheduled_date"), row.get("lead_officer"), row.get("completed_by"),
                    row.get("overall_grade"), row.get("suggested_grade"), row.get("historic")))
                    .containsExactly("2019", stream, "Riverside", "COMPLETE", "2019-05-20", "2019-05-20",
                            "officer.smith", OFFICER, "GOOD", "GOOD", "false");
            assertThat(row.get("started_on")).isNotEmpty();
            assertThat(Instant.parse(row.get("completed_at"))).isBetween(beforeCompletion, asOf);
            assertThat(row.get("last_sequence")).isEqualTo("13");
        });
        List<CSVRecord> areas = rows(files.get("deepdives/areas.csv"));
        assertThat(areas).hasSize(10).extracting(r -> r.get("area_number") + " " + r.get("grade") + " "
                + r.get("latest")).startsWith("1 GOOD true", "2 REQUIRES_IMPROVEMENT false", "2 GOOD true",
                "3 GOOD true");
        assertThat(areas.get(2).get("findings")).isEqualTo("Staff now briefed monthly");
        assertThat(areas.get(2).get("area")).isEqualTo("STAFF_EXPECTATIONS");
        assertThat(areas).allSatisfy(r -> assertThat(r.get("graded_by")).isEqualTo(OFFICER));
        assertThat(rows(files.get("deepdives/actions.csv"))).extracting(r -> r.get("action_number") + " "
                + r.get("owner") + " " + r.get("due_date") + " " + r.get("recorded_by")).containsExactly(
                "1 Riverside manager 2019-07-31 " + OFFICER, "2 officer.smith 2019-09-30 " + OFFICER);
        List<CSVRecord> history = rows(files.get("deepdives/history.csv"));
        assertThat(history).extracting(r -> r.get("sequence")).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(0, 13).mapToObj(String::valueOf).toList());
        assertThat(history).extracting(r -> r.get("type")).startsWith("DeepDivePlannedEvent",
                "DeepDiveScheduledEvent", "DeepDiveStartedEvent").endsWith("DeepDiveCompletedEvent");
        assertThat(history).allSatisfy(r -> assertThat(List.of(r.get("actor"), r.get("actor_name")))
                .containsExactly(OFFICER, OFFICER));
        JsonNode records = json.readTree(files.get("deepdives/deep-dives.json"));
        assertThat(records.get("deepDives")).hasSize(1);
        assertThat(records.at("/deepDives/0/record/status").asText()).isEqualTo("COMPLETE");
        assertThat(records.at("/deepDives/0/record/strengths/0").asText()).isEqualTo("Reaches families early");
        assertThat(records.at("/deepDives/0/events")).hasSize(14);
        assertThat(records.at("/deepDives/0/events/13/payload/overallGrade").asText()).isEqualTo("GOOD");
        assertThat(part.get("readme").asText()).contains("deepdives/deep-dives.csv", "deepdives/areas.csv",
                "deepdives/actions.csv", "deepdives/history.csv", "deepdives/deep-dives.json", "deepdives/chain/");

        Map<String, String> before = files(body(status(evidence(id, beforeCompletion), 200)));
        CSVRecord inProgress = rows(before.get("deepdives/deep-dives.csv")).get(0);
        assertThat(List.of(inProgress.get("status"), inProgress.get("overall_grade"), inProgress.get("completed_on"),
                inProgress.get("completed_at"), inProgress.get("suggested_grade")))
                .containsExactly("IN_PROGRESS", "", "", "", "GOOD");
        assertThat(rows(before.get("deepdives/actions.csv"))).isEmpty();
        assertThat(rows(before.get("deepdives/history.csv"))).hasSize(13);

        Map<String, String> now = files(body(status(evidence(id, Instant.now()), 200)));
        assertThat(rows(now.get("deepdives/deep-dives.csv"))).extracting(r -> r.get("programme_year") + " "
                + r.get("status")).containsExactly("2019 COMPLETE", "2020 PLANNED");
    }

    @Test
    void aContractWithoutADeepDiveHasEveryFileEmptyAndRefusalsAreProblems() throws Exception {
        String id = UUID.randomUUID().toString();
        registerAndWait(registered(id, "Quiet Ltd", "Dover", LocalDate.of(2019, 4, 1), null));

        JsonNode part = body(status(evidence(id, afterThisMillisecond()), 200));

        assertThat(texts(part.get("files"), "name")).startsWith(FILES.toArray(String[]::new));
        Map<String, String> files = files(part);
        for (String csv : FILES.stream().filter(name -> name.endsWith(".csv")).toList()) {
            assertThat(rows(files.get(csv))).as(csv).isEmpty();
            assertThat(files.get(csv)).as(csv).startsWith("programme_year,");
        }
        assertThat(json.readTree(files.get("deepdives/deep-dives.json")).get("deepDives")).isEmpty();

        problem(evidence(UUID.randomUUID().toString(), Instant.now()), 404);
        refused(evidence(id, Instant.now().plus(1, ChronoUnit.DAYS)), "as-of-in-future", "asOf");
        refused(get("/api/deepdives/contracts/" + id + "/evidence?asOf=yesterday"), "instant", "asOf");
    }

    private ResponseEntity<String> evidence(String id, Instant asOf) {
        return get("/api/deepdives/contracts/" + id + "/evidence?asOf=" + asOf);
    }

    private static Instant afterThisMillisecond() {
        Instant now = Instant.now();
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(now.plusMillis(1)));
        return now;
    }
}
