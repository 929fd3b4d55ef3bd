package org.commissioning.embedded;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic from the beginning, for tests and checks: the records of one key, as they are on the broker. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Polls until at least {@code atLeast} records with the key are found or {@code timeout} passes,
     * then polls once more briefly, so records published twice are returned twice.
     */
    public static List<ConsumerRecord<byte[], byte[]>> recordsWithKey(String bootstrapServers, String topic, String key,
                                                                      int atLeast, Duration timeout) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                collect(consumer, key, found, Duration.ofMillis(200));
            }
            collect(consumer, key, found, Duration.ofMillis(500));
        }
        return found;
    }

    private static void collect(KafkaConsumer<byte[], byte[]> consumer, String key,
                                List<ConsumerRecord<byte[], byte[]>> found, Duration poll) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(poll)) {
            if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                found.add(r);
            }
        }
    }
}
