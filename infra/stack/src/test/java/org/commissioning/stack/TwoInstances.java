package org.commissioning.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Two instances of contract-service and of rag-service against one broker and one database, as the compose
 * scale-out profile runs them: every return is rated once, a contract's rating stream stays complete and in order,
 * both rag-service instances share the consumer group's partitions, each tracking processor's segment is claimed by
 * one instance, and when the instance holding rag-service's relay is killed (SIGKILL) the other takes its claims
 * over and the returns that follow are rated once too. Run by {@link FaultSuiteIT} on its stack, after the fault suite.
 */
final class TwoInstances {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RATINGS_TOPIC = "ratings.events.v1";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int CONTRACTS = 6;

    private final LocalStack stack;
    private final GatewayClient client;

    /** @param stack a started stack with a second instance of contract-service and of rag-service running */
    TwoInstances(LocalStack stack) {
        this.stack = stack;
        this.client = new GatewayClient(stack.demoLoader());
    }

    void ratesEveryReturnOnceWhileTwoInstancesShareTheWorkAndOneIsKilled() throws Exception {
        YearMonth current = YearMonth.now(ZoneId.of("Europe/London"));
        List<YearMonth> months = List.of(current.minusMonths(3), current.minusMonths(2), current.minusMonths(1));
        List<String> contracts = registerWithFramework(months.get(0));

        for (String id : contracts) {
            submit(id, months.get(0), 70);
            submit(id, months.get(1), 92);
        }
        awaitRatedOnce(contracts, months.subList(0, 2));

        assertThat(membersConsuming("rag-service", "kpi.events.v1"))
                .as("rag-service instances sharing kpi.events.v1's partitions").hasSize(2);
        Map<String, String> relayOwners = owners("ratings");
        assertThat(relayOwners).as("rag-service's tracking processors, each claimed by one instance")
                .containsKey("integration-relay").doesNotContainValue(null);
        assertThat(owners("contracts")).containsKey("integration-relay").doesNotContainValue(null);

        long relayPid = Long.parseLong(relayOwners.get("integration-relay").split("@")[0]);
        ProcessHandle relayInstance = ProcessHandle.of(relayPid).orElseThrow();
        relayInstance.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !relayInstance.isAlive());

        for (String id : contracts) {
            submit(id, months.get(2), 88);
        }
        awaitRatedOnce(contracts, months);
        assertThat(owners("ratings").get("integration-relay"))
                .as("the surviving instance took the relay's claim over")
                .doesNotStartWith(relayPid + "@");
    }

    private List<String> registerWithFramework(YearMonth effectiveFrom) throws Exception {
        String gateway = stack.gatewayUrl();
        LocalDate start = effectiveFrom.atDay(1);
        List<String> contracts = new ArrayList<>();
        for (int i = 0; i < CONTRACTS; i++) {
            String body = """
                    {"provider":"Two Instances Provider %d","serviceArea":"EMOTIONAL_HEALTH_AND_WELLBEING",\
                    "lot":{"scope":"COUNTY"},"start":"%s","end":"%s"}"""
                    .formatted(i, start, start.plusYears(3).minusDays(1));
            HttpResponse<String> created = client.send("POST", gateway + "/api/contracts", body);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            contracts.add(JSON.readTree(created.body()).get("contractId").asText());
        }
        for (String id : contracts) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            assertThat(client.awaitOk(gateway + "/api/kpi/contracts/" + id, deadline)).isTrue();
            assertThat(client.awaitOk(gateway + "/api/ratings/contracts/" + id, deadline)).isTrue();
            HttpResponse<String> defined = client.send("PUT", gateway + "/api/kpi/contracts/" + id + "/framework",
                    PlatformBenchmark.oneKpiFramework(effectiveFrom));
            assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        }
        return contracts;
    }

    private void submit(String id, YearMonth period, int value) throws Exception {
        String body = """
                {"period":"%s","narrative":"Two instances","values":[{"kpiCode":"%s","value":%d}]}"""
                .formatted(period, PlatformBenchmark.KPI_CODE, value);
        HttpResponse<String> submitted = client.send("POST",
                stack.gatewayUrl() + "/api/kpi/contracts/" + id + "/returns", body);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    }

    /** Every (contract, month) has exactly one ContractRated event id, and each contract's stream is 1..n. */
    private void awaitRatedOnce(List<String> contracts, List<YearMonth> months) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<JsonNode> events = ratingEvents(Set.copyOf(contracts));
            Map<String, Set<String>> ratedIds = new TreeMap<>();
            Map<String, Map<Long, Set<String>>> sequences = new HashMap<>();
            for (JsonNode event : events) {
                String subject = event.path("subject").asText();
                sequences.computeIfAbsent(subject, s -> new TreeMap<>())
                        .computeIfAbsent(event.path("sequence").asLong(), n -> new HashSet<>())
                        .add(event.path("id").asText());
                if (event.path("type").asText().endsWith(".ContractRated.v1")) {
                    ratedIds.computeIfAbsent(subject + " " + event.path("data").path("period").asText(),
                            k -> new HashSet<>()).add(event.path("id").asText());
                }
            }
            for (String id : contracts) {
                for (YearMonth month : months) {
                    assertThat(ratedIds.get(id + " " + month)).as("ContractRated of " + id + " " + month).hasSize(1);
                }
                Map<Long, Set<String>> stream = sequences.get(id);
                assertThat(stream.keySet()).as("sequences of " + id)
                        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, stream.size())
                                .boxed().toList());
                assertThat(stream.values()).as("one event id per sequence of " + id).allMatch(ids -> ids.size() == 1);
            }
        });
    }

    private List<JsonNode> ratingEvents(Set<String> subjects) throws Exception {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<JsonNode> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(RATINGS_TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (subjects.contains(r.key())) {
                        events.add(JSON.readTree(r.value()));
                    }
                }
            }
        }
        return events;
    }

    /** The members of {@code group} that have partitions of {@code topic} assigned now. */
    private Set<String> membersConsuming(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers()))) {
            Set<String> consuming = new HashSet<>();
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get();
                consuming.clear();
                for (MemberDescription member : description.members()) {
                    if (member.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(topic))) {
                        consuming.add(member.consumerId());
                    }
                }
                assertThat(consuming).hasSizeGreaterThanOrEqualTo(2);
            });
            return consuming;
        }
    }

    /** Processor name to the owner ({@code pid@host}) of its segment 0 in the service's token store. */
    private Map<String, String> owners(String database) {
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            Map<String, String> owners = new TreeMap<>();
            for (Document token : mongo.getDatabase(database).getCollection("trackingtokens").find()) {
                if (token.getInteger("segment", 0) == 0) {
                    owners.put(token.getString("processorName"), token.getString("owner"));
                }
            }
            return owners;
        }
    }
}
