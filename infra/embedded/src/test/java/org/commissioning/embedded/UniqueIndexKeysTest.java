package org.commissioning.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A unique index's keys compare value by value: the same keys are refused and found as upstream's serialized
 * comparison refused and found them, across a restart, and a file whose indexes upstream wrote opens with every index
 * rebuilt in the new layout.
 */
class UniqueIndexKeysTest {

    private static final String DATABASE = "keys";

    @TempDir
    Path dir;

    @Test
    void refusesADuplicateKeyAndFindsEveryKeyBeforeAndAfterARestart() {
        Path file = dir.resolve("mongo.mv");
        int port = KafkaBroker.freePort();
        MongoWireServer server = MongoWireServer.onDisk(file, port).start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = events(client);
            events.createIndex(new Document("aggregateIdentifier", 1).append("sequenceNumber", 1),
                    new IndexOptions().unique(true).name("stream_sequence"));
            for (int stream = 0; stream < 30; stream++) {
                for (long sequence = 0; sequence < 5; sequence++) {
                    events.insertOne(event("stream-" + stream, sequence));
                }
            }
            assertRefusedAsDuplicate(events, "stream-7", 3);
            assertThat(events.find(and(eq("aggregateIdentifier", "stream-7"), eq("sequenceNumber", 3L))).first())
                    .isNotNull();
        }
        server.stop();

        server = MongoWireServer.onDisk(file, port).start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = events(client);
            assertRefusedAsDuplicate(events, "stream-29", 4);
            assertRefusedAsDuplicate(events, "stream-0", 0);
            events.insertOne(event("stream-0", 5));
            assertThat(events.countDocuments()).isEqualTo(151);
            events.deleteOne(and(eq("aggregateIdentifier", "stream-3"), eq("sequenceNumber", 2L)));
            events.insertOne(event("stream-3", 2));
            assertRefusedAsDuplicate(events, "stream-3", 2);
        } finally {
            server.stop();
        }
    }

    @Test
    void rebuildsTheIndexesOfAFileUpstreamWroteAndDropsUpstreamsMaps() {
        Path file = dir.resolve("upstream.mv");
        MongoServer upstream = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(upstream.bindAndGetConnectionString())) {
            MongoCollection<Document> events = events(client);
            events.createIndex(new Document("eventIdentifier", 1), new IndexOptions().unique(true).name("event_id"));
            for (long sequence = 0; sequence < 20; sequence++) {
                events.insertOne(event("stream", sequence).append("eventIdentifier", "event-" + sequence));
            }
        } finally {
            upstream.shutdownNow();
        }
        assertThat(mapNames(file)).anyMatch(name -> name.endsWith("._index_event_id"));

        MongoWireServer server = MongoWireServer.onDisk(file, KafkaBroker.freePort()).start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = events(client);
            Document found = events.find(eq("eventIdentifier", "event-11")).first();
            assertThat(found).isNotNull();
            assertThat(found.getLong("sequenceNumber")).isEqualTo(11L);
            assertThatThrownBy(() -> events.insertOne(event("another", 0).append("eventIdentifier", "event-4")))
                    .isInstanceOfSatisfying(MongoWriteException.class, refused ->
                            assertThat(ErrorCategory.fromErrorCode(refused.getCode()))
                                    .isEqualTo(ErrorCategory.DUPLICATE_KEY));
            List<String> ids = events.find(eq("aggregateIdentifier", "stream")).map(d -> d.getString("_id"))
                    .into(new ArrayList<>());
            assertThat(ids).hasSize(20);
        } finally {
            server.stop();
        }
        assertThat(mapNames(file)).noneMatch(name -> name.contains("._index_"))
                .anyMatch(name -> name.endsWith("._keyed_index_event_id"))
                .anyMatch(name -> name.endsWith("._keyed_index__id_"));
    }

    private static MongoCollection<Document> events(MongoClient client) {
        return client.getDatabase(DATABASE).getCollection("domainevents");
    }

    private static Document event(String stream, long sequence) {
        return new Document("_id", stream + "|" + sequence).append("aggregateIdentifier", stream)
                .append("sequenceNumber", sequence);
    }

    private static void assertRefusedAsDuplicate(MongoCollection<Document> events, String stream, long sequence) {
        assertThatThrownBy(() -> events.insertOne(new Document("aggregateIdentifier", stream)
                .append("sequenceNumber", sequence)))
                .isInstanceOfSatisfying(MongoWriteException.class, refused ->
                        assertThat(ErrorCategory.fromErrorCode(refused.getCode()))
                                .isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static Set<String> mapNames(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            return Set.copyOf(store.getMapNames());
        } finally {
            store.close();
        }
    }
}
