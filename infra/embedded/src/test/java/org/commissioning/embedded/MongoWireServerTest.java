package org.commissioning.embedded;

import static org.assertj.core.api.Assertions.assertThat;

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
}
