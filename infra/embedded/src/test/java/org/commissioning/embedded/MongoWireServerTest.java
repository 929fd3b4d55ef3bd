package org.commissioning.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

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
}
