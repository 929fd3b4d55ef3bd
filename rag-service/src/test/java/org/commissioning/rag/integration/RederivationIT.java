package org.commissioning.rag.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import org.bson.Document;

import org.commissioning.events.Topics;
import org.commissioning.events.kpi.v1.KpiDefinition;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.rag.query.RatingHistoryProjection;
import org.commissioning.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The re-derivation check over the running service: the contract's stored events replayed, the rating-history
 * projection compared with them, and each finding named by its stream and sequence, whichever of the two was
 * tampered with.
 */
class RederivationIT extends RunningRagService {

    @Autowired
    RatingHistoryProjection ratingHistory;

    static final YearMonth MAY = YearMonth.of(2018, 5);

    /** Triage 92 (GREEN) in April, 87 (AMBER) in May: once the history shows both, the stream is sequences 0..6. */
    private JsonNode ratedAprilAndMay(String id) throws Exception {
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
        JsonNode untouched = get(id, "/rederivation");
        assertThat(untouched.get("replayed").asInt()).as(untouched.toString()).isEqualTo(7);
        assertThat(untouched.get("underivable")).as(untouched.toString()).isEmpty();
        assertThat(untouched.get("projectionMismatches")).as(untouched.toString()).isEmpty();
        assertThat(untouched.get("mismatches")).as(untouched.toString()).isEmpty();
        return history;
    }

    @Test
    void reportsARecordWhoseEvidenceValueWasTamperedWith() throws Exception {
        String id = UUID.randomUUID().toString();
        JsonNode history = ratedAprilAndMay(id);
        JsonNode april = history.get("periods").get(0);
        assertThat(april.get("period").asText()).isEqualTo("2018-04");
        assertThat(april.get("computedRating").asText()).isEqualTo("GREEN");

        JsonNode untouched = get(id, "/rederivation");
        assertThat(untouched.get("contractId").asText()).isEqualTo(id);
        assertThat(untouched.get("policyVersion").asText()).isEqualTo("worst-headline-band.v1");
        assertThat(untouched.get("checked").asInt()).as("the April and May ratings").isEqualTo(2);

        tamperProjection(april, Update.update("evidence.0.value", new BigDecimal("70")));

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
        assertThat(fields(tampered.get("projectionMismatches"))).as(tampered.toString())
                .containsExactly(id + " 2 ContractRated evidence[0].value 70 92");
        assertThat(tampered.get("underivable")).as("the store is intact").isEmpty();
    }

    @Test
    void reportsAProjectionFieldTheOldCheckDidNotLookAt() throws Exception {
        String id = UUID.randomUUID().toString();
        JsonNode april = ratedAprilAndMay(id).get("periods").get(0);

        tamperProjection(april, Update.update("ratedBy", "officer.forged"));

        JsonNode tampered = get(id, "/rederivation");
        assertThat(tampered.get("mismatches")).as("the evidence still yields the rating").isEmpty();
        assertThat(fields(tampered.get("projectionMismatches"))).as(tampered.toString())
                .containsExactly(id + " 2 ContractRated ratedBy officer.forged rag-service");
        assertThat(tampered.get("underivable")).isEmpty();
    }

    @Test
    void reportsAConsistentlyForgedProjectedRating() throws Exception {
        String id = UUID.randomUUID().toString();
        JsonNode april = ratedAprilAndMay(id).get("periods").get(0);

        tamperProjection(april, Update.update("evidence.0.value", new BigDecimal("70")).set("evidence.0.band", "RED")
                .set("rating", "RED").set("computedRating", "RED"));

        JsonNode tampered = get(id, "/rederivation");
        assertThat(tampered.get("mismatches")).as("the forged rating follows from the forged evidence: the check "
                + "of the projection alone passes it").isEmpty();
        assertThat(get(id, "/ratings").get("periods").get(0).get("rating").asText()).isEqualTo("RED");
        assertThat(fields(tampered.get("projectionMismatches"))).as(tampered.toString()).containsExactly(
                id + " 2 ContractRated rating RED GREEN",
                id + " 2 ContractRated computedRating RED GREEN",
                id + " 2 ContractRated evidence[0].value 70 92",
                id + " 2 ContractRated evidence[0].band RED GREEN");
        assertThat(tampered.get("underivable")).isEmpty();
    }

    @Test
    void reportsAStoredKpiValueTamperedWithAndEveryRatingItNoLongerYields() throws Exception {
        String id = UUID.randomUUID().toString();
        ratedAprilAndMay(id);

        tamperStoredEvent(id, 1, "KpiRatedEvent", payload -> payload.put("value", new BigDecimal("70")));

        JsonNode tampered = get(id, "/rederivation");
        assertThat(tampered.get("replayed").asInt()).isEqualTo(7);
        assertThat(tampered.get("mismatches")).as("the projection agrees with itself").isEmpty();
        assertThat(tampered.get("projectionMismatches")).as("the projection agrees with the stored ratings")
                .isEmpty();
        assertThat(findings(tampered.get("underivable"))).as(tampered.toString()).containsExactly(
                id + " 1 KpiRated 2018-04 band GREEN RED",
                id + " 2 ContractRated 2018-04 rating GREEN RED",
                id + " 2 ContractRated 2018-04 computedRating GREEN RED",
                id + " 2 ContractRated 2018-04 evidence[0].value 92 70",
                id + " 2 ContractRated 2018-04 evidence[0].band GREEN RED",
                id + " 3 RagChanged 2018-04 to GREEN RED",
                id + " 6 RagChanged 2018-05 from GREEN RED");
    }

    @Test
    void reportsAStoredRatingForgedConsistentlyAndTheProjectionThatNoLongerMatchesIt() throws Exception {
        String id = UUID.randomUUID().toString();
        ratedAprilAndMay(id);

        tamperStoredEvent(id, 2, "ContractRatedEvent", payload -> {
            payload.put("rating", "RED");
            payload.put("computedRating", "RED");
            ObjectNode evidence = (ObjectNode) payload.get("evidence").get(0);
            evidence.put("value", new BigDecimal("70"));
            evidence.put("band", "RED");
        });

        JsonNode tampered = get(id, "/rederivation");
        assertThat(tampered.get("mismatches")).isEmpty();
        assertThat(findings(tampered.get("underivable"))).as(tampered.toString()).containsExactly(
                id + " 2 ContractRated 2018-04 rating RED GREEN",
                id + " 2 ContractRated 2018-04 computedRating RED GREEN",
                id + " 2 ContractRated 2018-04 evidence[0].value 70 92",
                id + " 2 ContractRated 2018-04 evidence[0].band RED GREEN");
        assertThat(fields(tampered.get("projectionMismatches"))).as(tampered.toString()).containsExactly(
                id + " 2 ContractRated rating GREEN RED",
                id + " 2 ContractRated computedRating GREEN RED",
                id + " 2 ContractRated evidence[0].value 92 70",
                id + " 2 ContractRated evidence[0].band GREEN RED");
    }

    @Test
    void reportsAStoredEventThatWasDeletedAtItsSequence() throws Exception {
        String id = UUID.randomUUID().toString();
        ratedAprilAndMay(id);

        long deleted = mongo.remove(Query.query(Criteria.where("aggregateIdentifier").is(id)
                .and("sequenceNumber").is(3L)), EVENT_STORE).getDeletedCount();
        assertThat(deleted).isEqualTo(1);

        JsonNode tampered = get(id, "/rederivation");
        assertThat(tampered.get("replayed").asInt()).isEqualTo(6);
        JsonNode underivable = tampered.get("underivable");
        assertThat(underivable).as(tampered.toString()).hasSize(1);
        assertThat(underivable.get(0).get("sequence").asLong()).isEqualTo(3);
        assertThat(underivable.get(0).get("type").asText()).isEqualTo("RagChanged");
        assertThat(underivable.get(0).has("recorded")).isFalse();
        assertThat(underivable.get(0).get("follows").get("to").asText()).isEqualTo("GREEN");
        JsonNode projection = tampered.get("projectionMismatches");
        assertThat(projection).as(tampered.toString()).hasSize(1);
        assertThat(projection.get(0).get("sequence").asLong()).isEqualTo(3);
        assertThat(projection.get(0).get("projection").get("to").asText()).isEqualTo("GREEN");
        assertThat(projection.get(0).has("store")).isFalse();
    }

    private void tamperProjection(JsonNode entry, Update update) {
        long updated = mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.get("id").asText())), update,
                ratingHistory.liveCollection()).getModifiedCount();
        assertThat(updated).isEqualTo(1);
    }

    /** Edits the serialized payload of the contract's stored event at {@code sequence}, as a forger with the database would. */
    private void tamperStoredEvent(String id, long sequence, String payloadType, Consumer<ObjectNode> edit)
            throws Exception {
        Query query = Query.query(Criteria.where("aggregateIdentifier").is(id).and("sequenceNumber").is(sequence));
        Document stored = mongo.findOne(query, Document.class, EVENT_STORE);
        assertThat(stored).isNotNull();
        assertThat(stored.getString("payloadType")).endsWith("." + payloadType);
        ObjectNode payload = (ObjectNode) json.readTree(stored.getString("serializedPayload"));
        edit.accept(payload);
        long updated = mongo.updateFirst(query, Update.update("serializedPayload", json.writeValueAsString(payload)),
                EVENT_STORE).getModifiedCount();
        assertThat(updated).isEqualTo(1);
    }

    /** "stream sequence type period field recorded follows" of each finding. */
    private static List<String> findings(JsonNode underivable) {
        return StreamSupport.stream(underivable.spliterator(), false).map(u -> String.join(" ",
                u.get("stream").asText(), u.get("sequence").asText(), u.get("type").asText(), u.get("period").asText(),
                u.get("field").asText(), u.get("recorded").asText(), u.get("follows").asText())).toList();
    }

    /** "stream sequence type field projection store" of each projection mismatch. */
    private static List<String> fields(JsonNode mismatches) {
        return StreamSupport.stream(mismatches.spliterator(), false).map(m -> String.join(" ",
                m.get("stream").asText(), m.get("sequence").asText(), m.get("type").asText(), m.get("field").asText(),
                m.get("projection").asText(), m.get("store").asText())).toList();
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
