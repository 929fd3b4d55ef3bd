package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.commissioning.embedded.KafkaBroker;
import org.commissioning.embedded.MongoWireServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The benchmark's raw limits on a real broker and a MongoDB wire server: every append and record is counted back,
 * sizes are the stack's own, and nothing is left behind. No timing is asserted (the benchmark reports the rates).
 */
class RawLimitsTest {

    @TempDir
    static Path kafkaLogs;
    static KafkaBroker kafka;
    static MongoWireServer mongo;

    @BeforeAll
    static void start() {
        kafka = KafkaBroker.onFreePorts(kafkaLogs).start();
        mongo = MongoWireServer.inMemoryOnFreePort().start();
    }

    @AfterAll
    static void stop() {
        kafka.stop();
        mongo.stop();
    }

    @Test
    void appendsAndReadsBackEveryDocumentInADatabaseItRemovesAfterwards() throws Exception {
        List<RawLimits.Rate> rates = RawLimits.store(mongo.connectionString(), 300, 800, 4);

        assertThat(rates).extracting(RawLimits.Rate::name).containsExactly("store appends", "store reads (one cursor)");
        assertThat(rates).extracting(RawLimits.Rate::count).containsExactly(300L, 300L);
        assertThat(rates).allSatisfy(rate -> assertThat(rate.perSecond()).isPositive());
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.listDatabaseNames()).doesNotContain(RawLimits.DATABASE);
        }
        assertThat(RawLimits.rows(rates)).contains("| raw limit: store appends (300 of 800 bytes, 4 clients at once) |");
    }

    @Test
    void producesWithEveryReplicaAcknowledgingAndConsumesEveryRecordOnATopicItDeletesAfterwards() throws Exception {
        List<RawLimits.Rate> rates = RawLimits.broker(kafka.bootstrapServers(), 500, 1_200);

        assertThat(rates).extracting(RawLimits.Rate::count).containsExactly(500L, 500L);
        assertThat(rates).extracting(RawLimits.Rate::bytes).containsOnly(1_200);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).noneMatch(topic -> topic.startsWith(RawLimits.TOPIC));
        }
    }

    @Test
    void sizesDocumentsAsTheStoredEventsAreOnAverage() {
        Document small = new Document("aggregateIdentifier", "a").append("serializedPayload", "x".repeat(100));
        Document large = new Document("aggregateIdentifier", "b").append("serializedPayload", "y".repeat(900));
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("sized").getCollection("domainevents").insertMany(List.of(small, large));
        }
        int expected = (RawBsonDocument.parse(small.toJson()).getByteBuffer().remaining()
                + RawBsonDocument.parse(large.toJson()).getByteBuffer().remaining()) / 2;

        assertThat(RawLimits.storedEventBytes(mongo.connectionString(), List.of("sized"), 10))
                .isBetween(expected - 30, expected + 30);
        assertThat(RawLimits.storedEventBytes(mongo.connectionString(), List.of("empty"), 10))
                .isEqualTo(RawLimits.DEFAULT_BYTES);
    }
}
