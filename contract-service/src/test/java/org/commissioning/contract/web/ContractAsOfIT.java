package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A contract's state and lifecycle as they stood at an instant ({@code asOf}), judged by when the event store
 * recorded each event, rebuilt from the stored events: what an officer read then.
 */
class ContractAsOfIT extends OnFirstJune2018 {

    @Test
    void showsAContractAndItsHistoryAsTheyStoodBeforeALaterVariation() throws Exception {
        String id = registerSalus();
        ok(change(id, HttpMethod.PUT, "/officers", """
                {"leadOfficer":"officer.jones","contractManager":"manager.patel"}"""));
        JsonNode before = history(id, 2);
        Instant registeredAt = Instant.parse(before.get(0).get("time").asText());
        Instant decidedAt = Instant.parse(before.get(1).get("time").asText());
        // the variation is stored strictly after the instant asked about
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(decidedAt.plusMillis(2)));
        ok(change(id, HttpMethod.POST, "/variations", """
                {"annualValueGbp":95000.50,"effectiveDate":"2018-07-01","reason":"Reach reduced by agreement"}"""));
        JsonNode now = history(id, 3);

        ResponseEntity<String> asDecided = get(contract(id, "?asOf=" + decidedAt));
        assertThat(asDecided.getStatusCode().value()).as(asDecided.getBody()).isEqualTo(200);
        assertThat(asDecided.getHeaders().getETag()).as("a past version is no If-Match").isNull();
        JsonNode then = body(asDecided);
        assertThat(then.get("annualValueGbp").decimalValue()).isEqualByComparingTo("120000");
        assertThat(then.get("end").asText()).isEqualTo("2021-03-31");
        assertThat(then.get("leadOfficer").asText()).isEqualTo("officer.jones");
        assertThat(then.get("version").asLong()).isEqualTo(1);
        assertThat(then.get("updatedAt").asText()).isEqualTo(decidedAt.toString());
        assertThat(texts(body(get(contract(id, "/history?asOf=" + decidedAt))), "type"))
                .containsExactly("ContractRegistered", "ContractOfficersAssigned");

        JsonNode registered = body(get(contract(id, "?asOf=" + registeredAt)));
        assertThat(registered.get("version").asLong()).isZero();
        assertThat(registered.path("leadOfficer").asText(null)).isNull();
        assertThat(texts(body(get(contract(id, "/history?asOf=" + registeredAt))), "type"))
                .containsExactly("ContractRegistered");

        JsonNode current = awaitVersion(id, 2);
        assertThat(current.get("annualValueGbp").decimalValue()).isEqualByComparingTo("95000.50");
        Instant later = Instant.parse(now.get(2).get("time").asText());
        assertThat(body(get(contract(id, "?asOf=" + later)))).isEqualTo(current);
        assertThat(body(get(contract(id, "/history?asOf=" + later)))).isEqualTo(now);
        assertThat(body(get(contract(id, "/history?asOf=" + Instant.now())))).isEqualTo(now);
    }

    @Test
    void readsAsOfFromTheStoredEventsNotFromTheProjection() throws Exception {
        String id = registerSalus();
        JsonNode projected = awaitVersion(id, 0);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("provider", "Someone else"),
                "contract_summaries");
        assertThat(body(get(contract(id, ""))).get("provider").asText()).isEqualTo("Someone else");

        JsonNode stored = body(get(contract(id, "?asOf=" + Instant.now())));

        assertThat(stored).isEqualTo(projected);
        assertThat(stored.get("provider").asText()).isEqualTo("Salus");
    }

    @Test
    void answersAContractNotYetRegisteredAtTheInstantAsNotFound() throws Exception {
        String id = registerSalus();
        Instant registeredAt = Instant.parse(history(id, 1).get(0).get("time").asText());
        String before = registeredAt.minus(1, ChronoUnit.MILLIS).toString();

        problem(get(contract(id, "?asOf=" + before)), 404);
        problem(get(contract(id, "/history?asOf=" + before)), 404);
        String missing = UUID.randomUUID().toString();
        problem(get(contract(missing, "?asOf=" + registeredAt)), 404);
        problem(get(contract(missing, "/history?asOf=" + registeredAt)), 404);
    }

    @Test
    void refusesAMalformedOrFutureAsOfWithAProblemNamingIt() throws Exception {
        String id = registerSalus();
        awaitVersion(id, 0);
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();

        for (String part : new String[] {"", "/history"}) {
            for (String malformed : new String[] {"yesterday", "2018-05-16", "2018-05-16T10:00:00", ""}) {
                refused(get(contract(id, part + "?asOf=" + malformed)), "instant", "asOf");
            }
            refused(get(contract(id, part + "?asOf=" + tomorrow)), "as-of-in-future", "asOf");
            // refused whether or not the contract exists
            refused(get(contract(UUID.randomUUID().toString(), part + "?asOf=yesterday")), "instant", "asOf");
        }
    }

    /** The projected history once it has {@code entries} entries. */
    private JsonNode history(String id, int entries) {
        return await().atMost(PATIENCE).until(() -> body(get(contract(id, "/history"))), h -> h.size() == entries);
    }

    /** The projected contract once it is at {@code version}. */
    private JsonNode awaitVersion(String id, long version) {
        return await().atMost(PATIENCE).until(() -> {
            ResponseEntity<String> found = get(contract(id, ""));
            return found.getStatusCode().value() == 200 ? body(found) : null;
        }, c -> c != null && c.get("version").asLong() == version);
    }

    private static String contract(String id, String part) {
        return "/api/contracts/" + id + part;
    }
}
