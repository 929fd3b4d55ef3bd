package org.commissioning.stack;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer groups' lag on the broker: per group, the sum over its committed partitions of the end offset minus
 * the committed offset (Admin {@code listConsumerGroupOffsets} against {@code listOffsets(latest)}). An anonymous
 * group (Spring Cloud Stream's {@code anonymous.*}, one per start of a service's live consumer) that has no member
 * any more is left out: its service was restarted and reads under a new one; so is a group that has committed
 * nothing (a reader without commits, as {@code TopicReader}).
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** Lag per consumer group now; throws when the broker does not answer within seconds. */
    Map<String, Long> now() throws Exception {
        Collection<ConsumerGroupListing> listings = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS);
        List<String> names = listings.stream().map(ConsumerGroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> described = names.isEmpty() ? Map.of()
                : admin.describeConsumerGroups(names).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> lag = new TreeMap<>();
        for (String group : names) {
            ConsumerGroupDescription description = described.get(group);
            if (group.startsWith("anonymous.") && description != null && description.members().isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
                    : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long sum = 0;
            for (var c : committed.entrySet()) {
                if (c.getValue() != null && ends.containsKey(c.getKey())) {
                    sum += Math.max(0, ends.get(c.getKey()).offset() - c.getValue().offset());
                }
            }
            lag.put(group, sum);
        }
        return lag;
    }

    /** The total lag, or -1 when the broker could not be asked. */
    long total() {
        try {
            return now().values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }

    /**
     * Waits until every group's lag is zero, asking every 500 ms.
     *
     * @return how long it took, or null when it was not zero within {@code patience}
     */
    Duration awaitZero(Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (total() == 0) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(500);
        }
        return null;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
