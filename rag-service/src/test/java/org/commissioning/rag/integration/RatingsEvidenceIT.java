package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commissioning.events.Topics;
import org.commissioning.events.kpi.v1.KpiCorrected;
import org.commissioning.events.kpi.v1.KpiDefinition;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.testsupport.IntegrationEvents;
import org.commissioning.testsupport.evidence.PackRatings;
import org.commissioning.testsupport.evidence.PackRatings.KpiValue;
import org.commissioning.testsupport.evidence.PackRatings.Mismatch;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * rag-service's share of a contract's evidence pack over real HTTP and the embedded broker: every rating with its
 * evidence, the officer's override, the band tables and the policy, rendered from the event store as of an instant,
 * the same bytes each time; and every rating re-derived from the part's own files by the auditor's tool.
 */
class RatingsEvidenceIT extends RunningRagService {

    static final YearMonth MAY = YearMonth.of(2018, 5);
    static final String OFFICER = "officer.jones";
    static final String WELLBEING = "WELLBEING-IMPROVED";
    static final List<String> FILES = List.of("ratings/ratings.csv", "ratings/evidence.csv", "ratings/kpi-ratings.csv",
            "ratings/ratings.json",
            "ratings/overrides.csv", "ratings/changes.csv", "ratings/trajectories.csv", "ratings/frameworks.json",
            "ratings/bands.csv", "ratings/policies.json", "ratings/performance-notices.json");

    /**
     * Sk8side's contract (2016-04..2019-03) with triage (headline) and wellbeing (not a headline): triage 92 in April
     * (GREEN), 87 of 100 in May (AMBER), May overridden GREEN by the officer, the notice of the year from April 2018
     * drafted. Returns the instant after all of it.
     */
    private Instant ratedAndOverridden(String id) throws Exception {
        send(Topics.CONTRACTS, IntegrationEvents.registered(id, 1));
        send(Topics.KPI,
                kpiEvent(id, 1, new KpiFrameworkDefined(id, 1, APRIL, List.of(
                        new KpiDefinition(TRIAGE, "Phone calls screened and triaged within 24 working hours",
                                "PERCENT", "HIGHER_IS_BETTER", true, "PROVIDER", TRIAGE_BANDS),
                        new KpiDefinition(WELLBEING, "Young people reporting improved wellbeing", "PERCENT",
                                "HIGHER_IS_BETTER", false, "PROVIDER", TRIAGE_BANDS)))),
                kpiEvent(id, 2, new KpiSubmitted(id, APRIL, TRIAGE, null, new BigDecimal("92"), null, null,
                        "PROVIDER", 1, "GREEN")),
                kpiEvent(id, 3, new KpiSubmitted(id, APRIL, WELLBEING, null, new BigDecimal("60"), null, null,
                        "PROVIDER", 1, "RED")),
                kpiEvent(id, 4, new KpiSubmitted(id, MAY, TRIAGE, null, new BigDecimal("87"), 87L, 100L,
                        "PROVIDER", 1, "AMBER")));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> body(get(ratings(id))).get("periods").size() == 2
                && get("/api/ratings/contracts/" + id).getStatusCode().value() == 200);
        ok(post("/api/ratings/contracts/" + id + "/periods/2018-05/override",
                "{\"rating\":\"GREEN\",\"rationale\":\"Triage recovered in the last week of May.\"}", OFFICER));
        ok(http().post().uri("/api/ratings/contracts/" + id + "/performance-notices/2018-04/draft")
                .header(ACTOR, OFFICER).retrieve().toEntity(String.class));
        return Instant.now();
    }

    @Test
    void rendersEveryRatingWithItsEvidenceTheSameBytesEachTimeAndWithoutWhatCameLater() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant before = ratedAndOverridden(id);

        Map<String, String> files = files(part(id, before));
        assertThat(files.keySet()).startsWith(FILES.toArray(String[]::new))
                .as("the chain of the rating stream and the notices' stream stored by then")
                .contains("ratings/chain/" + id + ".lines", "ratings/chain/" + id + "_performance-notices.lines",
                        "ratings/chain/verification.json", "ratings/chain/seals.json", "ratings/chain/seal-keys.json");
        assertThat(lines(files.get("ratings/ratings.csv"))).containsExactly(
                "period,sequence,recordedAt,computedRating,rating,basis,provisional,policyVersion,frameworkVersions,"
                        + "missingHeadlines,notValidated,ratedBy,actor,actorName,causedBy,rationale,reason",
                "2018-04,2,*,GREEN,GREEN,COMPUTED,false,worst-headline-band.v1,1,,,rag-service,system,system,"
                        + "nelft.performance,,",
                "2018-04,5,*,GREEN,GREEN,COMPUTED,false,worst-headline-band.v1,1,,,rag-service,system,system,"
                        + "nelft.performance,,",
                "2018-05,7,*,AMBER,AMBER,COMPUTED,false,worst-headline-band.v1,1,,,rag-service,system,system,"
                        + "nelft.performance,,",
                "2018-05,10,*,AMBER,GREEN,OFFICER,false,worst-headline-band.v1,1,,," + OFFICER + "," + OFFICER
                        + "," + OFFICER + ",,Triage recovered in the last week of May.,");
        assertThat(lines(files.get("ratings/evidence.csv"))).containsExactly(
                "period,sequence,kpiCode,value,numerator,denominator,source,band,frameworkVersion",
                "2018-04,2," + TRIAGE + ",92,,,PROVIDER,GREEN,1",
                "2018-04,5," + TRIAGE + ",92,,,PROVIDER,GREEN,1",
                "2018-05,7," + TRIAGE + ",87,87,100,PROVIDER,AMBER,1",
                "2018-05,10," + TRIAGE + ",87,87,100,PROVIDER,AMBER,1");
        assertThat(lines(files.get("ratings/kpi-ratings.csv"))).containsExactly(
                "period,sequence,recordedAt,kpiCode,value,numerator,denominator,source,frameworkVersion,band,"
                        + "reportedBand,headline,correction,causedBy",
                "2018-04,1,*," + TRIAGE + ",92,,,PROVIDER,1,GREEN,GREEN,true,false,nelft.performance",
                "2018-04,4,*," + WELLBEING + ",60,,,PROVIDER,1,RED,RED,false,false,nelft.performance",
                "2018-05,6,*," + TRIAGE + ",87,87,100,PROVIDER,1,AMBER,AMBER,true,false,nelft.performance");
        assertThat(lines(files.get("ratings/overrides.csv"))).containsExactly(
                "period,sequence,recordedAt,computedRating,previousRating,rating,rationale,officer,actorName,"
                        + "policyVersion",
                "2018-05,9,*,AMBER,AMBER,GREEN,Triage recovered in the last week of May.," + OFFICER + "," + OFFICER
                        + ",worst-headline-band.v1");
        assertThat(lines(files.get("ratings/bands.csv"))).hasSize(9).contains(
                "1,2018-04,0,*," + TRIAGE + ",PERCENT,HIGHER_IS_BETTER,true,STRETCH,95,false,100,true");
        JsonNode policies = json.readTree(files.get("ratings/policies.json"));
        assertThat(texts(policies, "id")).containsExactly("worst-headline-band.v1", "pa2023-notice.v1",
                "least-squares-6m.v1");
        assertThat(policies.at("/0/countsAs/STRETCH").asText()).isEqualTo("GREEN");
        assertThat(texts(policies.at("/0/worstFirst"), null)).containsExactly("RED", "AMBER", "GREEN");
        assertThat(texts(policies.at("/1/mapping/RED"), null)).containsExactly("REQUIRES_IMPROVEMENT", "INADEQUATE");
        JsonNode notices = json.readTree(files.get("ratings/performance-notices.json"));
        assertThat(notices.at("/notices/0/yearFrom").asText()).isEqualTo("2018-04");
        assertThat(notices.at("/notices/0/draftedBy").asText()).isEqualTo(OFFICER);
        assertThat(notices.at("/records/0/type").asText()).isEqualTo("PerformanceNoticeDrafted");
        assertThat(json.readTree(files.get("ratings/ratings.json")).get("overrides")).hasSize(1);
        assertThat(part(id, before).get("readme").asText()).contains("ratings/evidence.csv: ");

        send(Topics.KPI, kpiEvent(id, 5, new KpiCorrected(id, APRIL, TRIAGE, null, new BigDecimal("80"), null, null,
                new BigDecimal("92"), null, null, "PROVIDER", 1, "RED", "Calls logged twice", "nelft.performance",
                Instant.parse("2018-06-01T09:00:00Z"))));
        await().atMost(PATIENCE).until(() -> files(part(id, Instant.now())).get("ratings/ratings.csv")
                .contains("re-rated after KPI"));

        assertThat(files(part(id, before))).as("the same instant, after a later correction").isEqualTo(files);
        assertThat(get(evidence(id, before)).getBody()).isEqualTo(get(evidence(id, before)).getBody());
        Map<String, String> now = files(part(id, Instant.now()));
        assertThat(lines(now.get("ratings/evidence.csv"))).contains("2018-04,13," + TRIAGE + ",80,,,PROVIDER,RED,1");
        assertThat(PackRatings.rederive(now)).as("after the correction").isEmpty();
    }

    @Test
    void everyRatingReDerivesFromThePartsFilesAloneAndAnEditedEvidenceValueIsFoundExactly() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, String> files = files(part(id, ratedAndOverridden(id)));

        assertThat(PackRatings.rederive(files)).isEmpty();
        assertThat(PackRatings.crossCheck(files, List.of(new KpiValue("2018-04", TRIAGE, new BigDecimal("92.0")),
                new KpiValue("2018-05", TRIAGE, new BigDecimal("87"))))).isEmpty();

        Map<String, String> edited = new LinkedHashMap<>(files);
        edited.put("ratings/evidence.csv", files.get("ratings/evidence.csv")
                .replace("2018-04,5," + TRIAGE + ",92,", "2018-04,5," + TRIAGE + ",70,"));
        List<Mismatch> mismatches = PackRatings.rederive(edited);
        assertThat(mismatches).hasSize(1);
        assertThat(mismatches.get(0)).extracting(Mismatch::period, Mismatch::sequence, Mismatch::recorded,
                Mismatch::recomputed).containsExactly("2018-04", 5L, "GREEN", "RED");
        assertThat(mismatches.get(0).reasons()).containsExactly(
                "KPI " + TRIAGE + " = 70 rates RED under framework version 1, recorded GREEN",
                "the evidence rates RED, recorded GREEN");
        assertThat(PackRatings.crossCheck(edited, List.of(new KpiValue("2018-04", TRIAGE, new BigDecimal("92")),
                new KpiValue("2018-05", TRIAGE, new BigDecimal("87"))))).extracting(Mismatch::sequence,
                Mismatch::recorded, Mismatch::recomputed).containsExactly(
                tuple(5L, "70", "92"));
    }

    @Test
    void answersAnUnknownContractAndAnInstantInTheFutureWithProblems() throws Exception {
        problem(get(evidence(UUID.randomUUID().toString(), null)), 404);

        String id = UUID.randomUUID().toString();
        send(Topics.CONTRACTS, IntegrationEvents.registered(id, 1));
        await().atMost(PATIENCE).until(() -> get("/api/ratings/contracts/" + id).getStatusCode().value() == 200);
        refused(get(evidence(id, Instant.now().plusSeconds(3600))), "as-of-in-future", "asOf");
        refused(get("/api/ratings/contracts/" + id + "/evidence?asOf=yesterday"), "instant", "asOf");

        JsonNode part = body(get(evidence(id, null)));
        assertThat(part.get("context").asText()).isEqualTo("ratings");
        Map<String, String> files = files(part);
        assertThat(files.keySet()).as("a contract known but not rated has every file")
                .startsWith(FILES.toArray(String[]::new))
                .filteredOn(name -> name.endsWith(".lines")).as("its streams' lines, of no event")
                .allSatisfy(name -> assertThat(files.get(name)).isEmpty());
        assertThat(files.get("ratings/ratings.csv").lines()).hasSize(1);
        assertThat(files.get("ratings/frameworks.json")).isEqualTo("[ ]\n");
        assertThat(PackRatings.rederive(files)).isEmpty();
    }

    private JsonNode part(String id, Instant asOf) throws Exception {
        return body(ok(get(evidence(id, asOf))));
    }

    private static ResponseEntity<String> ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return response;
    }

    private static Map<String, String> files(JsonNode part) {
        Map<String, String> files = new LinkedHashMap<>();
        part.get("files").forEach(f -> files.put(f.get("name").asText(), f.get("content").asText()));
        return files;
    }

    /** The CSV's lines with each ISO instant as {@code *}. */
    private static List<String> lines(String csv) {
        return csv.lines().map(l -> l.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "*")).toList();
    }

    private static String evidence(String id, Instant asOf) {
        return "/api/ratings/contracts/" + id + "/evidence" + (asOf == null ? "" : "?asOf=" + asOf);
    }

    private static String ratings(String id) {
        return "/api/ratings/contracts/" + id + "/ratings";
    }
}
