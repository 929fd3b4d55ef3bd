package org.commissioning.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoCursorNotFoundException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;

class MongoWireServerTest {

    @TempDir
    Path dir;

    @Test
    void keepsDocumentsOnDiskAcrossARestart() {
        int port = KafkaBroker.freePort();
        Path file = dir.resolve("mongo.mv");

        MongoWireServer server = MongoWireServer.onDisk(file, port).start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("test").getCollection("things").insertOne(new Document("_id", "a").append("n", 1));
        }
        server.stop();

        server = MongoWireServer.onDisk(file, port).start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            Document found = client.getDatabase("test").getCollection("things").find(new Document("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(1);
        } finally {
            server.stop();
        }
    }

    @Test
    void keepsDocumentsWhenTheSameServerIsStoppedAndStartedAgainUnderAConnectedClient() {
        MongoWireServer server = MongoWireServer.onDisk(dir.resolve("restarted.mv"), KafkaBroker.freePort()).start();
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("test").getCollection("things").insertOne(new Document("_id", "before"));

            server.stop();
            server.start();

            // the connection pooled before the restart is gone: its first use fails, and the driver connects again
            try {
                client.getDatabase("test").getCollection("things").insertOne(new Document("_id", "after"));
            } catch (com.mongodb.MongoSocketException stalePooledConnection) {
                client.getDatabase("test").getCollection("things").insertOne(new Document("_id", "after"));
            }
            assertThat(client.getDatabase("test").getCollection("things").find().map(d -> d.getString("_id"))
                    .into(new java.util.ArrayList<>())).containsExactlyInAnyOrder("before", "after");
        }
    }

    @Test
    void startsAndStopsOnceHoweverOftenItIsAskedAndStartsAgainOnTheSamePort() {
        MongoWireServer server = MongoWireServer.inMemoryOnFreePort();
        assertThat(server.isRunning()).isFalse();

        assertThat(server.start()).isSameAs(server.start());
        assertThat(server.isRunning()).isTrue();
        server.stop();
        server.stop();
        assertThat(server.isRunning()).isFalse();

        try (server) {
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                client.getDatabase("test").getCollection("things").insertOne(new Document("_id", "b"));
                assertThat(client.getDatabase("test").getCollection("things").countDocuments()).isEqualTo(1);
            }
        }
        assertThat(server.isRunning()).as("closed").isFalse();
    }

    @Test
    void refusesToStartOnAPortInUseAndCanStartOnceItIsFree() {
        MongoWireServer first = MongoWireServer.inMemoryOnFreePort().start();
        MongoWireServer second = MongoWireServer.inMemory(first.port());
        try {
            assertThatThrownBy(second::start).isNotNull();
            assertThat(second.isRunning()).isFalse();

            first.stop();
            second.start();
            assertThat(second.isRunning()).isTrue();
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void closesACursorNoClientReadsOnWithinTheTimeoutAsMongoDbDoes() {
        MongoWireServer server = MongoWireServer.inMemoryOnFreePort().withCursorTimeout(Duration.ofSeconds(2)).start();
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
            for (int i = 0; i < 100; i++) {
                things.insertOne(new Document("_id", i));
            }
            MongoCursor<Document> abandoned = things.find().batchSize(10).iterator();
            abandoned.next();
            MongoCursor<Document> readOn = things.find().batchSize(2).iterator();
            assertThat(server.openCursors()).isEqualTo(2);

            // a client reading on slowly, asking for its next batch every quarter timeout, for two timeouts
            for (int read = 0; read < 16; read++) {
                readOn.next();
                sleep(Duration.ofMillis(250));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> server.openCursors() == 1);
            readOn.next();
            for (int i = 0; i < 9; i++) {
                abandoned.next();
            }
            assertThatThrownBy(abandoned::next).isInstanceOf(MongoCursorNotFoundException.class);
        }
    }

    /**
     * Paces the slow client: the time between its reads is what the test is about (a cursor read on more often than
     * its timeout stays open), so there is no condition to await, only a client that takes its time.
     */
    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
