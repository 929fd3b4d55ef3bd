package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.Topics;
import org.commissioning.events.kpi.v1.KpiDefinition;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.rag.query.RatingHistoryProjection;
import org.commissioning.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** The re-derivation check over the running service finds a rating record tampered with in its store. */
class RederivationIT extends RunningRagService {

    static final YearMonth MAY = YearMonth.of(2018, 5);

    @Test
    void reportsARecordWhoseEvidenceValueWasTamperedWith() throws Exception {
        String id = UUID.randomUUID().toString();
        send(Topics.KPI,
                kpiEvent(id, 1, new KpiFrameworkDefined(id, 1, APRIL, List.of(new KpiDefinition(TRIAGE,
                        "Phone calls screened and triaged within 24 working hours", "PERCENT", "HIGHER_IS_BETTER",
                        true, "PROVIDER", TRIAGE_BANDS)))),
                kpiEvent(id, 2, new KpiSubmitted(id, APRIL, TRIAGE, null, new BigDecimal("92"), null, null,
                        "PROVIDER", 1, "GREEN")),
                kpiEvent(id, 3, new KpiSubmitted(id, MAY, TRIAGE, null, new BigDecimal("87"), null, null,
                        "PROVIDER", 1, "AMBER")));

        JsonNode history = await().atMost(PATIENCE).ignoreExceptions().until(() -> get(id, "/ratings"),
                h -> h.get("periods").size() == 2 && h.get("changes").size() == 2);
        JsonNode april = history.get("periods").get(0);
        assertThat(april.get("period").asText()).isEqualTo("2018-04");
        assertThat(april.get("computedRating").asText()).isEqualTo("GREEN");

        JsonNode untouched = get(id, "/rederivation");
        assertThat(untouched.get("contractId").asText()).isEqualTo(id);
        assertThat(untouched.get("policyVersion").asText()).isEqualTo("worst-headline-band.v1");
        assertThat(untouched.get("checked").asInt()).as("the April and May ratings").isEqualTo(2);
        assertThat(untouched.get("mismatches")).as(untouched.toString()).isEmpty();

        long updated = mongo.updateFirst(Query.query(Criteria.where("_id").is(april.get("id").asText())),
                Update.update("evidence.0.value", new BigDecimal("70")), RatingHistoryProjection.COLLECTION)
                .getModifiedCount();
        assertThat(updated).isEqualTo(1);

        JsonNode tampered = get(id, "/rederivation");
        assertThat(tampered.get("checked").asInt()).isEqualTo(untouched.get("checked").asInt());
        JsonNode mismatches = tampered.get("mismatches");
        assertThat(mismatches).as(tampered.toString()).hasSize(1);
        JsonNode mismatch = mismatches.get(0);
        assertThat(mismatch.get("period").asText()).isEqualTo("2018-04");
        assertThat(mismatch.get("sequence").asLong()).isEqualTo(april.get("sequence").asLong());
        assertThat(mismatch.get("recorded").asText()).isEqualTo("GREEN");
        assertThat(mismatch.get("recomputed").asText()).isEqualTo("RED");
        assertThat(mismatch.get("reasons")).extracting(JsonNode::asText).contains(
                "KPI " + TRIAGE + " = 70 rates RED under framework version 1, recorded GREEN");
    }

    @Test
    void answersAnUnknownContractWithAProblem() {
        ResponseEntity<String> response = TestHttp.client(port).get()
                .uri("/api/ratings/contracts/" + UUID.randomUUID() + "/rederivation")
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    }

    private JsonNode get(String id, String path) throws Exception {
        ResponseEntity<String> response = TestHttp.client(port).get()
                .uri("/api/ratings/contracts/" + id + path).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }
}
