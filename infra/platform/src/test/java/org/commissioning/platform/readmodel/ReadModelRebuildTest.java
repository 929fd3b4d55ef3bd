package org.commissioning.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.mongodb.client.model.IndexOptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.commissioning.platform.InProcessMongo;
import org.commissioning.platform.causation.CausationTestApplication.WriteNote;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A read model rebuilt while it serves: Axon's event store on the real Mongo driver (in-process wire server), the
 * operator's endpoint over real HTTP, a reader reading the read model all along.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = ReadModelRebuildTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=rebuild-test", "platform.rebuild.log-every=200ms"})
class ReadModelRebuildTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final int NOTES_BEFORE = 40;
    static final int NOTES_DURING = 10;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InProcessMongo.newDatabaseUri("rebuild"));
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    NoteWords noteWords;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void rebuildsANewVersionOfAReadModelWhileEveryReadSucceedsAndSwitchesToItWithTheEventsAppendedMeanwhile()
            throws Exception {
        int earlier = noteWords.all().size();
        List<String> before = notes(NOTES_BEFORE);
        await().atMost(PATIENCE).until(() -> noteWords.all().size() == earlier + NOTES_BEFORE);
        JsonNode served = status();
        String live = served.get("liveCollection").asText();
        int generation = served.get("generation").asInt() + 1;
        String target = "note_words_" + generation;
        mongo.getCollection(live).createIndex(new Document("noteId", 1),
                new IndexOptions().unique(true).name("note_once"));

        // the projection's new code: every document gains "words"
        noteWords.countsWords.set(true);
        noteWords.gate.close();
        Reader reader = new Reader();
        reader.start();
        try {
            await().atMost(PATIENCE).until(() -> reader.reads.get() > 0);
            HttpResponse<String> started = post("{\"readModel\":\"note_words\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            assertThat(noteWords.gate.reached.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            JsonNode rebuilding = status().get("lastRebuild");
            assertThat(rebuilding.get("state").asText()).isEqualTo("CATCHING_UP");
            assertThat(rebuilding.get("collection").asText()).isEqualTo(target);
            assertThat(rebuilding.get("total").asLong()).isGreaterThanOrEqualTo(earlier + NOTES_BEFORE);
            assertThat(progressGauge()).isLessThan(1.0);
            assertThat(status().get("liveCollection").asText()).isEqualTo(live);
            HttpResponse<String> second = post("{\"readModel\":\"note_words\"}");
            assertThat(second.statusCode()).as(second.body()).isEqualTo(409);

            List<String> during = notes(NOTES_DURING);
            await().atMost(PATIENCE).until(() -> reader.maxSeen.get() == earlier + NOTES_BEFORE + NOTES_DURING);
            noteWords.gate.open();

            await().atMost(PATIENCE).until(() -> status().get("lastRebuild").get("state").asText().equals("DONE"));
            await().atMost(PATIENCE).until(() -> reader.readsOf(target) > 0);

            JsonNode done = status();
            assertThat(done.get("liveCollection").asText()).isEqualTo(target);
            assertThat(done.get("generation").asInt()).isEqualTo(generation);
            assertThat(done.get("previousCollection").asText()).isEqualTo(live);
            assertThat(done.get("lastRebuild").get("progress").asDouble()).isEqualTo(1.0);
            assertThat(progressGauge()).isEqualTo(1.0);
            HttpResponse<String> prometheus = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(prometheus.body())
                    .containsPattern("platform_rebuild_progress\\{[^}]*readModel=\"note_words\"[^}]*} 1.0")
                    .containsPattern("platform_rebuild_eta_seconds\\{[^}]*readModel=\"note_words\"[^}]*} 0.0");

            assertThat(mongo.getCollection(target).listIndexes()).as("the live collection's indexes, made on the new")
                    .anySatisfy(index -> {
                        assertThat(index.getString("name")).isEqualTo("note_once");
                        assertThat(index.get("key", Document.class)).isEqualTo(new Document("noteId", 1));
                        assertThat(index.get("unique")).isEqualTo(true);
                    });
            List<Document> rebuilt = mongo.findAll(Document.class, target);
            assertThat(rebuilt).hasSize(earlier + NOTES_BEFORE + NOTES_DURING);
            assertThat(rebuilt).allSatisfy(d -> assertThat(d.getInteger("words")).isEqualTo(4));
            Set<String> rebuiltNotes = rebuilt.stream().map(d -> d.getString("noteId")).collect(Collectors.toSet());
            assertThat(rebuiltNotes).containsAll(before).containsAll(during);

            // the live processor goes on in the new collection
            List<String> after = notes(3);
            await().atMost(PATIENCE).until(() -> noteWords.all().size() == earlier + NOTES_BEFORE + NOTES_DURING + 3);
            assertThat(mongo.findAll(Document.class, target)).extracting(d -> d.getString("noteId"))
                    .containsAll(after);
        } finally {
            noteWords.gate.open();
            reader.stop();
        }
        assertThat(reader.failures).as("reads that failed").isEmpty();
        assertThat(reader.minSeen.get()).as("fewest notes a read saw")
                .isGreaterThanOrEqualTo(earlier + NOTES_BEFORE);
        assertThat(reader.reads.get()).isGreaterThan(10);
    }

    @Test
    void showsARebuildThatKeepsFailingAndCancelsItLeavingTheReadModelServedAsItWas() throws Exception {
        notes(3);
        await().atMost(PATIENCE).until(() -> status().get("lastRebuild").get("state").asText(),
                state -> !state.equals("CATCHING_UP") && !state.equals("SWITCHING"));
        String live = status().get("liveCollection").asText();
        int served = noteWords.all().size();
        noteWords.failsInRebuild.set(true);
        try {
            HttpResponse<String> started = post("{\"readModel\":\"note_words\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

            JsonNode failing = await().atMost(PATIENCE).until(() -> status().get("lastRebuild"),
                    rebuild -> rebuild.path("error").asText().contains("cannot map note"));
            assertThat(failing.get("state").asText()).isEqualTo("CATCHING_UP");
            String building = failing.get("collection").asText();

            assertThat(delete().statusCode()).isEqualTo(200);
            JsonNode cancelled = await().atMost(PATIENCE).until(() -> status(),
                    s -> s.get("lastRebuild").get("state").asText().equals("FAILED"));
            assertThat(cancelled.get("lastRebuild").get("error").asText()).contains("Cancelled by an operator");
            assertThat(cancelled.get("liveCollection").asText()).isEqualTo(live);
            assertThat(mongo.collectionExists(building)).as("the half-built collection is dropped").isFalse();
            assertThat(noteWords.all()).hasSize(served);
            assertThat(delete().statusCode()).as("nothing left to cancel").isEqualTo(409);
        } finally {
            noteWords.failsInRebuild.set(false);
        }
    }

    @Test
    void refusesToRebuildAReadModelThatDoesNotExistNamingTheField() throws Exception {
        HttpResponse<String> response = post("{\"readModel\":\"no_such_model\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("rule").asText()).isEqualTo("unknown-read-model");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("readModel");
        assertThat(problem.get("detail").asText()).contains("note_words");
    }

    private List<String> notes(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(new WriteNote(id, "written by Zoë Ní"));
            ids.add(id);
        }
        return ids;
    }

    private HttpResponse<String> delete() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/rebuild"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private double progressGauge() {
        return meters.get("platform.rebuild.progress").tag("readModel", "note_words").gauge().value();
    }

    private JsonNode status() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/rebuild")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode readModels = json.readTree(response.body());
        assertThat(readModels).hasSize(1);
        return readModels.get(0);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/rebuild"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads the read model through the projection's own query, over and over, until stopped. */
    final class Reader {

        final AtomicInteger reads = new AtomicInteger();
        final AtomicLong minSeen = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong maxSeen = new AtomicLong();
        final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.Map<String, AtomicInteger> byCollection = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::read, "read-model-reader");

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(PATIENCE.toMillis());
        }

        int readsOf(String collection) {
            return byCollection.getOrDefault(collection, new AtomicInteger()).get();
        }

        private void read() {
            while (running.get()) {
                try {
                    int seen = noteWords.all().size();
                    minSeen.accumulateAndGet(seen, Math::min);
                    maxSeen.accumulateAndGet(seen, Math::max);
                    byCollection.computeIfAbsent(noteWords.liveCollection(), c -> new AtomicInteger())
                            .incrementAndGet();
                    reads.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
        }
    }
}
