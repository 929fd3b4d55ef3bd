package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Where a consumer group stands on a topic. */
public final class ConsumerGroups {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private ConsumerGroups() {
    }

    /** {@link #awaitCaughtUp(String, String, String, Duration)} with {@link #PATIENCE}. */
    public static void awaitCaughtUp(String bootstrapServers, String group, String topic) {
        awaitCaughtUp(bootstrapServers, group, topic, PATIENCE);
    }

    /**
     * Waits until the group has handled and committed every record on the topic: on each of its partitions the
     * committed offset (0 where the group has committed none) equals the end offset.
     */
    public static void awaitCaughtUp(String bootstrapServers, String group, String topic, Duration patience) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(patience).untilAsserted(() -> {
                Map<TopicPartition, OffsetSpec> latest = partitions(admin, topic).stream()
                        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                admin.listOffsets(latest).all().get().forEach((partition, end) -> {
                    OffsetAndMetadata done = committed.get(partition);
                    assertThat(done == null ? 0 : done.offset())
                            .as("offset of group %s committed on %s", group, partition)
                            .isEqualTo(end.offset());
                });
            });
        }
    }

    private static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }
}
