package org.commissioning.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.query.MonthlyReturnsProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A monthly return as it stood at an instant ({@code asOf}), judged by when the event store recorded each event and
 * rebuilt from the return's stored events: before a correction the value first submitted, after it the corrected one.
 */
class ReturnAsOfIT extends KpiServiceOverHttp {

    @Autowired
    EventStore eventStore;

    static final String CORRECTION = """
            {"kpiCode":"CRISIS-TREATED-4H","value":86,"reason":"One presentation at Dover was recorded twice"}""";

    @Test
    void showsAReturnAsSubmittedBeforeItsCorrectionAndCorrectedAfter() throws Exception {
        String id = withTemplateFramework("2018-04");
        String october = CONTRACTS + id + "/returns/2018-10";
        Instant beforeSubmission = afterThisMillisecond();
        assertThat(post(CONTRACTS + id + "/returns", OCTOBER_RETURN, "nelft.performance").getStatusCode().value())
                .isEqualTo(201);
        JsonNode submitted = await().atMost(PATIENCE).until(() -> read(october), v -> v != null
                && v.get("values").size() == 4);
        Instant submittedAt = Instant.parse(submitted.get("submittedAt").asText());
        afterThisMillisecond();
        assertThat(post(october + "/corrections", CORRECTION, OFFICER).getStatusCode().value()).isEqualTo(201);
        JsonNode corrected = await().atMost(PATIENCE).until(() -> read(october),
                v -> !v.at("/values/3/corrections").isEmpty());

        JsonNode asSubmitted = body(get(october + "?asOf=" + submittedAt));
        assertThat(asSubmitted.at("/values/3/kpiCode").asText()).isEqualTo("CRISIS-TREATED-4H");
        assertThat(asSubmitted.at("/values/3/value").decimalValue()).isEqualByComparingTo("85");
        assertThat(asSubmitted.at("/values/3/corrections")).isEmpty();
        // the whole return as the projection showed it then, all four values of the submission together
        assertThat(asSubmitted).isEqualTo(submitted);

        JsonNode asCorrected = body(get(october + "?asOf=" + Instant.now()));
        assertThat(asCorrected.at("/values/3/value").decimalValue()).isEqualByComparingTo("86");
        assertThat(asCorrected.at("/values/3/original/value").decimalValue()).isEqualByComparingTo("85");
        assertThat(asCorrected.at("/values/3/corrections/0/correctedBy").asText()).isEqualTo(OFFICER);
        assertThat(asCorrected).isEqualTo(corrected);

        problem(get(october + "?asOf=" + beforeSubmission), 404);
        // a command's events are taken together by the command id Axon stores on each: two commands here
        assertThat(eventStore.readEvents(MonthlyReturnId.of(id, YearMonth.of(2018, 10)), 0L).asStream()
                .map(event -> event.getMetaData().get("correlationId")).distinct()).hasSize(2);
    }

    @Test
    void readsAsOfFromTheStoredEventsNotFromTheProjectionCouncilFiguresAndResolutionsIncluded() throws Exception {
        String id = withTemplateFramework("2018-04");
        String october = CONTRACTS + id + "/returns/2018-10";
        octoberWithAResolvedDiscrepancy(id);
        JsonNode projected = await().atMost(PATIENCE).until(() -> read(october), v -> v != null
                && v.at("/values/2/validation").asText().equals("RESOLVED"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(MonthlyReturnId.of(id, YearMonth.of(2018, 10)))),
                Update.update("submittedBy", "someone.else"), MonthlyReturnsProjection.COLLECTION);
        assertThat(read(october).get("submittedBy").asText()).isEqualTo("someone.else");

        assertThat(body(get(october + "?asOf=" + Instant.now()))).isEqualTo(projected);
    }

    @Test
    void refusesAMalformedOrFutureAsOfWithAProblemNamingItAndAnswersAnUnknownReturnNotFound() throws Exception {
        String id = withTemplateFramework("2018-04");
        String october = CONTRACTS + id + "/returns/2018-10";

        for (String malformed : new String[] {"yesterday", "2018-10-16", "2018-10-16T10:00:00", ""}) {
            refused(get(october + "?asOf=" + malformed), "instant", "asOf");
        }
        refused(get(october + "?asOf=" + Instant.now().plus(1, ChronoUnit.DAYS)), "as-of-in-future", "asOf");
        refused(get(CONTRACTS + UUID.randomUUID() + "/returns/2018-10?asOf=yesterday"), "instant", "asOf");

        problem(get(october + "?asOf=" + Instant.now()), 404);
        problem(get(CONTRACTS + UUID.randomUUID() + "/returns/2018-10?asOf=" + Instant.now()), 404);
    }

    /** The projected return, or null while there is none. */
    private JsonNode read(String path) throws Exception {
        ResponseEntity<String> found = get(path);
        return found.getStatusCode().value() == 200 ? body(found) : null;
    }
}
