package org.commissioning.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.commissioning.platform.InProcessMongo;
import org.commissioning.platform.deadletter.DeadLetterTestApplication.ParcelProjection;
import org.commissioning.platform.deadletter.DeadLetterTestApplication.SendParcelCommand;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Dead letters of an Axon processing group, on the real driver against the in-process wire server: a poison event
 * parks its own aggregate's sequence only, an operator lists, retries and discards it over {@code
 * /actuator/deadletters}, and the meters and the health component show what is parked.
 */
@SpringBootTest(classes = DeadLetterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=deadletter-test")
class DeadLettersTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String GROUP = DeadLetterTestApplication.GROUP;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InProcessMongo.newDatabaseUri("deadletters"));
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PlatformMetrics metrics;
    @Autowired
    DeadLettersHealthIndicator health;
    @Autowired
    EventStore eventStore;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void parksAPoisonEventAndListsItWhileOtherAggregatesAreStillProjected() throws Exception {
        String poisoned = parcel();
        String healthy = parcel();

        send(poisoned, "poison");
        send(healthy, "first");
        send(healthy, "second");

        await().atMost(PATIENCE).until(() -> lettersOf(poisoned).size() == 1);
        await().atMost(PATIENCE).until(() -> ParcelProjection.CONTENTS.containsKey(healthy)
                && ParcelProjection.CONTENTS.get(healthy).size() == 2);
        assertThat(ParcelProjection.CONTENTS.get(healthy)).containsExactly("first", "second");
        assertThat(ParcelProjection.CONTENTS).doesNotContainKey(poisoned);

        JsonNode letter = lettersOf(poisoned).get(0);
        assertThat(letter.get("sequence").asText()).isEqualTo(poisoned);
        assertThat(letter.get("aggregateId").asText()).isEqualTo(poisoned);
        assertThat(letter.get("aggregateSequence").asLong()).isZero();
        assertThat(letter.get("eventId").asText()).isNotBlank();
        assertThat(letter.get("eventType").asText()).endsWith("ParcelSentEvent");
        assertThat(letter.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.get("causeMessage").asText()).contains("poison of parcel " + poisoned);
        assertThat(letter.get("enqueuedAt").asText()).isNotBlank();
        assertThat(letter.get("lastTouched").asText()).isNotBlank();
        assertThat(letter.get("retries").asInt()).isZero();
        JsonNode all = json.readTree(calls().get("/actuator/deadletters").body());
        assertThat(all.get("parked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(all.get("groups").findValuesAsText("group")).contains(GROUP)
                .doesNotContain("integration-relay", "history-chain");
    }

    @Test
    void queuesLaterEventsOfTheSameAggregateBehindTheDeadLetter() throws Exception {
        String poisoned = parcel();
        String healthy = parcel();

        send(poisoned, "poison");
        send(poisoned, "after");
        send(poisoned, "after that");
        send(healthy, "meanwhile");

        await().atMost(PATIENCE).until(() -> lettersOf(poisoned).size() == 3);
        await().atMost(PATIENCE).until(() -> ParcelProjection.CONTENTS.containsKey(healthy));
        List<JsonNode> letters = lettersOf(poisoned);
        assertThat(letters).extracting(l -> l.get("aggregateSequence").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(letters).extracting(l -> l.get("index").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(letters.get(1).path("causeType").asText(null)).as("queued behind, not failed").isNull();
        assertThat(ParcelProjection.CONTENTS).doesNotContainKey(poisoned);
    }

    @Test
    void retriesTheFixedPoisonAndItsFollowersExactlyOnceEachInOrder() throws Exception {
        String poisoned = parcel();
        send(poisoned, "poison");
        send(poisoned, "after");
        send(poisoned, "after that");
        await().atMost(PATIENCE).until(() -> lettersOf(poisoned).size() == 3);

        JsonNode unfixed = retry(poisoned);
        assertThat(unfixed.get("processed").asLong()).as("still poison: nothing processed").isZero();
        assertThat(lettersOf(poisoned)).hasSize(3);
        assertThat(lettersOf(poisoned).get(0).get("retries").asInt()).isEqualTo(1);

        ParcelProjection.CURED.add(poisoned);
        JsonNode fixed = retry(poisoned);

        assertThat(fixed.get("processed").asLong()).isEqualTo(3);
        assertThat(lettersOf(poisoned)).isEmpty();
        assertThat(ParcelProjection.CONTENTS.get(poisoned)).containsExactly("poison", "after", "after that");
        send(poisoned, "later");
        await().atMost(PATIENCE).until(() -> ParcelProjection.CONTENTS.get(poisoned).size() == 4);
        assertThat(ParcelProjection.CONTENTS.get(poisoned)).containsExactly("poison", "after", "after that", "later");
        assertThat(ParcelProjection.HANDLED.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(lettersOf(poisoned)).isEmpty();
    }

    @Test
    void refusesADiscardWithoutAReasonAndAuditsOneWithAReason() throws Exception {
        String poisoned = parcel();
        send(poisoned, "poison");
        send(poisoned, "after");
        await().atMost(PATIENCE).until(() -> lettersOf(poisoned).size() == 2);
        List<String> eventIds = lettersOf(poisoned).stream().map(l -> l.get("eventId").asText()).toList();

        for (String query : List.of("", "?reason=", "?reason=%20%20")) {
            HttpResponse<String> refused = calls().delete("/actuator/deadletters/" + GROUP + "/" + poisoned + query);
            assertThat(refused.statusCode()).as(query + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("reason");
        }
        assertThat(lettersOf(poisoned)).hasSize(2);

        HttpResponse<String> discarded = calls().delete("/actuator/deadletters/" + GROUP + "/" + poisoned + "?reason="
                + URLEncoder.encode("parcel withdrawn by the provider", StandardCharsets.UTF_8));

        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(json.readTree(discarded.body()).get("actor").asText()).isEqualTo("system");
        assertThat(lettersOf(poisoned)).isEmpty();
        Document audit = mongo.findOne(Query.query(Criteria.where("sequence").is(poisoned)), Document.class,
                DeadLetters.AUDIT_COLLECTION);
        assertThat(audit).isNotNull();
        assertThat(audit.getString("actor")).isEqualTo("system");
        assertThat(audit.getString("group")).isEqualTo(GROUP);
        assertThat(audit.getString("reason")).isEqualTo("parcel withdrawn by the provider");
        assertThat(audit.getDate("at")).isNotNull();
        assertThat(audit.getList("letters", Document.class)).extracting(l -> l.getString("eventId"))
                .containsExactlyElementsOf(eventIds);
        assertThat(ParcelProjection.CONTENTS).as("discarded, never handled").doesNotContainKey(poisoned);
        DeadLettersDiscardedEvent stored = ActuatorCalls.discardStored(eventStore, poisoned);
        assertThat(stored.eventIds()).containsExactlyElementsOf(eventIds);
        assertThat(stored.reason()).isEqualTo("parcel withdrawn by the provider");
        assertThat(stored.actor()).isEqualTo("system");
        assertThat(calls().delete("/actuator/deadletters/" + GROUP + "/" + poisoned + "?reason=again").statusCode())
                .as("nothing left to discard").isEqualTo(404);
    }

    @Test
    void discardsOnlyTheLetterAtTheIndexGiven() throws Exception {
        String poisoned = parcel();
        send(poisoned, "poison");
        send(poisoned, "unwanted");
        send(poisoned, "wanted");
        await().atMost(PATIENCE).until(() -> lettersOf(poisoned).size() == 3);
        String unwanted = lettersOf(poisoned).get(1).get("eventId").asText();

        HttpResponse<String> discarded = calls().delete("/actuator/deadletters/" + GROUP + "/" + poisoned
                + "?index=1&reason=sent+by+mistake");

        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(lettersOf(poisoned)).extracting(l -> l.get("index").asLong()).containsExactly(0L, 2L);
        Document audit = mongo.findOne(Query.query(Criteria.where("sequence").is(poisoned)), Document.class,
                DeadLetters.AUDIT_COLLECTION);
        assertThat(audit.getList("letters", Document.class)).extracting(l -> l.getString("eventId"))
                .containsExactly(unwanted);
        ParcelProjection.CURED.add(poisoned);
        assertThat(retry(poisoned).get("processed").asLong()).isEqualTo(2);
        assertThat(ParcelProjection.CONTENTS.get(poisoned)).containsExactly("poison", "wanted");
    }

    @Test
    void showsTheParkedLettersOnTheMeterAndTheHealthComponentUntilTheyAreRetried() throws Exception {
        double enqueuedBefore = metrics.count("platform.deadletters.letters", "group", GROUP, "outcome", "enqueued");
        String poisoned = parcel();
        send(poisoned, "poison");
        send(poisoned, "after");
        await().atMost(PATIENCE).until(() -> lettersOf(poisoned).size() == 2);

        long parked = json.readTree(calls().get("/actuator/deadletters/" + GROUP).body()).get("parked").asLong();
        assertThat(metrics.gauge("platform.deadletters", "group", GROUP)).isEqualTo(parked);
        assertThat(metrics.count("platform.deadletters.letters", "group", GROUP, "outcome", "enqueued"))
                .isEqualTo(enqueuedBefore + 2);
        Health degraded = health.health();
        assertThat(degraded.getStatus()).isEqualTo(DeadLettersHealthIndicator.DEGRADED);
        assertThat(degraded.getDetails()).containsEntry("parked", parked);
        assertThat(degraded.getDetails().get("groups")).isEqualTo(java.util.Map.of(GROUP, parked));
        HttpResponse<String> overall = calls().get("/actuator/health");
        assertThat(overall.statusCode()).isEqualTo(200);
        assertThat(json.readTree(overall.body()).get("status").asText()).isEqualTo("DEGRADED");

        List<String> everyParcel = new ArrayList<>();
        parked(GROUP).forEach(l -> everyParcel.add(l.get("sequence").asText()));
        ParcelProjection.CURED.addAll(everyParcel);
        double retriedBefore = metrics.count("platform.deadletters.letters", "group", GROUP, "outcome", "retried");
        JsonNode retried = json.readTree(calls().post("/actuator/deadletters", "{}").body());

        assertThat(retried.get("processed").asLong()).isEqualTo(parked);
        assertThat(retried.get("stillParked").asLong()).isZero();
        assertThat(metrics.gauge("platform.deadletters", "group", GROUP)).isZero();
        assertThat(metrics.count("platform.deadletters.letters", "group", GROUP, "outcome", "retried"))
                .isEqualTo(retriedBefore + parked);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(json.readTree(calls().get("/actuator/health").body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void retriesATransientDatabaseFailureInsteadOfDeadLetteringIt() throws Exception {
        String flaky = parcel();
        double enqueuedBefore = metrics.count("platform.deadletters.letters", "group", GROUP, "outcome", "enqueued");

        send(flaky, "flaky");
        send(flaky, "after");

        await().atMost(PATIENCE).until(() -> ParcelProjection.CONTENTS.containsKey(flaky)
                && ParcelProjection.CONTENTS.get(flaky).size() == 2);
        assertThat(ParcelProjection.CONTENTS.get(flaky)).containsExactly("flaky", "after");
        assertThat(ParcelProjection.FLAKY_ATTEMPTS.values()).anySatisfy(
                attempts -> assertThat(attempts.get()).isGreaterThan(DeadLetterTestApplication.FLAKY_FAILURES));
        assertThat(lettersOf(flaky)).isEmpty();
        assertThat(metrics.count("platform.deadletters.letters", "group", GROUP, "outcome", "enqueued"))
                .isEqualTo(enqueuedBefore);
    }


    private static String parcel() {
        return UUID.randomUUID().toString();
    }

    private void send(String parcelId, String contents) {
        commands.sendAndWait(new SendParcelCommand(parcelId, contents));
    }

    private List<JsonNode> parked(String group) throws Exception {
        List<JsonNode> letters = new ArrayList<>();
        json.readTree(calls().get("/actuator/deadletters/" + group).body()).get("letters").forEach(letters::add);
        return letters;
    }

    private List<JsonNode> lettersOf(String parcelId) throws Exception {
        return parked(GROUP).stream().filter(l -> l.get("sequence").asText().equals(parcelId)).toList();
    }

    private JsonNode retry(String parcelId) throws Exception {
        HttpResponse<String> response = calls().post("/actuator/deadletters",
                "{\"group\":\"" + GROUP + "\",\"sequence\":\"" + parcelId + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }





    private ActuatorCalls calls() {
        return new ActuatorCalls(port);
    }
}
