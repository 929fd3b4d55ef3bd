package org.commissioning.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every record of the event topics as they are on the broker, read from the beginning to the end offsets of the
 * moment it was read (no consumer group), and what they say: records that are events of the topic's owner (a JSON
 * object with {@code id}, the owner's {@code source}, {@code subject}, {@code sequence} of 1 or more), and the rest
 * (poison: not JSON, not an envelope, another source, no value).
 */
final class TopicAudit {

    static final String CONTRACTS = "contracts.events.v1";
    static final String KPI = "kpi.events.v1";
    static final String RATINGS = "ratings.events.v1";
    static final String DEEPDIVES = "deepdives.events.v1";
    /** The four event topics and their owners' {@code source} ({@code org.commissioning.events.Context}). */
    static final Map<String, String> OWNERS = ownersInOrder();

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One event record. {@code type} is the short name ({@code ContractRated} of
     * {@code org.commissioning.ratings.ContractRated.v1}); {@code content} the record's value as it is.
     */
    record Event(String topic, int partition, long offset, String id, String type, String subject, long sequence,
                 JsonNode data, String content) {

        String period() {
            return data.path("period").asText("");
        }
    }

    private final List<Event> events = new ArrayList<>();
    private final Map<String, Integer> poison = new TreeMap<>();
    private final Map<String, Long> records = new TreeMap<>();

    private TopicAudit() {
    }

    private static Map<String, String> ownersInOrder() {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(CONTRACTS, "/contract-service");
        owners.put(KPI, "/kpi-service");
        owners.put(RATINGS, "/rag-service");
        owners.put(DEEPDIVES, "/deepdive-service");
        return owners;
    }

    /** Reads {@code topics} from the beginning up to their end offsets now. */
    static TopicAudit read(String bootstrapServers, Collection<String> topics) {
        TopicAudit audit = new TopicAudit();
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
                audit.records.put(topic, 0L);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The topics could not be read to their end within 5 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        audit.note(r);
                    }
                }
            }
        }
        return audit;
    }

    private void note(ConsumerRecord<byte[], byte[]> r) {
        records.merge(r.topic(), 1L, Long::sum);
        Event event = parse(r);
        if (event == null) {
            poison.merge(r.topic(), 1, Integer::sum);
        } else {
            events.add(event);
        }
    }

    /** The record as one of its topic's owner's events, or null for anything else. */
    static Event parse(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(r.value());
            if (tree == null || !tree.isObject() || !tree.path("id").isTextual() || !tree.path("subject").isTextual()
                    || !tree.path("type").isTextual() || !tree.path("sequence").canConvertToLong()
                    || tree.path("sequence").asLong() < 1
                    || !tree.path("source").asText().equals(OWNERS.get(r.topic()))) {
                return null;
            }
            String type = tree.get("type").asText();
            if (type.endsWith(".v1")) {
                type = type.substring(0, type.length() - ".v1".length());
            }
            type = type.substring(type.lastIndexOf('.') + 1);
            return new Event(r.topic(), r.partition(), r.offset(), tree.get("id").asText(), type,
                    tree.get("subject").asText(), tree.get("sequence").asLong(), tree.path("data"),
                    new String(r.value(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    List<Event> events() {
        return events;
    }

    /** Records of the topic that are not one of its owner's events. */
    int poison(String topic) {
        return poison.getOrDefault(topic, 0);
    }

    long records(String topic) {
        return records.getOrDefault(topic, 0L);
    }

    /** One event per id (the first record of it), of the topic, of the type, in stream order (subject, sequence). */
    List<Event> distinct(String topic, String type) {
        Map<String, Event> byId = new LinkedHashMap<>();
        events.stream().filter(e -> e.topic().equals(topic) && (type == null || e.type().equals(type)))
                .forEach(e -> byId.putIfAbsent(e.id(), e));
        return byId.values().stream().sorted(Comparator.comparing(Event::subject).thenComparingLong(Event::sequence))
                .toList();
    }

    /**
     * The streams of one topic: per subject the distinct sequences must be 1..n; a sequence carried by two event ids
     * is a conflict; a record of an id already seen is a duplicate record (allowed, counted).
     */
    record Sequences(String topic, int streams, long records, int events, long duplicateRecords, int gaps,
                     int conflicts, List<String> examples) {

        boolean complete() {
            return gaps == 0 && conflicts == 0;
        }
    }

    Sequences sequences(String topic) {
        Map<String, Map<Long, Set<String>>> streams = new TreeMap<>();
        long recordsOfEvents = 0;
        Set<String> ids = new HashSet<>();
        for (Event e : events) {
            if (!e.topic().equals(topic)) {
                continue;
            }
            recordsOfEvents++;
            ids.add(e.id());
            streams.computeIfAbsent(e.subject(), s -> new TreeMap<>())
                    .computeIfAbsent(e.sequence(), n -> new HashSet<>()).add(e.id());
        }
        int gaps = 0;
        int conflicts = 0;
        List<String> examples = new ArrayList<>();
        for (var stream : streams.entrySet()) {
            TreeMap<Long, Set<String>> numbers = (TreeMap<Long, Set<String>>) stream.getValue();
            long max = numbers.lastKey();
            for (long n = 1; n <= max; n++) {
                if (!numbers.containsKey(n)) {
                    gaps++;
                    if (examples.size() < 10) {
                        examples.add(stream.getKey() + " lacks sequence " + n + " of " + max);
                    }
                }
            }
            for (var number : numbers.entrySet()) {
                if (number.getValue().size() > 1) {
                    conflicts++;
                    if (examples.size() < 10) {
                        examples.add(stream.getKey() + " sequence " + number.getKey() + " has ids " + number.getValue());
                    }
                }
            }
        }
        return new Sequences(topic, streams.size(), recordsOfEvents, ids.size(), recordsOfEvents - ids.size(), gaps,
                conflicts, examples);
    }

    /**
     * Events of the type with the same content (data and subject) under more than one event id: each group counts
     * once, as the number of extra ids.
     */
    int sameContentUnderNewIds(String topic, String type, Predicate<Event> which) {
        Map<String, Set<String>> idsByContent = new HashMap<>();
        for (Event e : events) {
            if (e.topic().equals(topic) && e.type().equals(type) && which.test(e)) {
                idsByContent.computeIfAbsent(e.subject() + "|" + e.data(), c -> new HashSet<>()).add(e.id());
            }
        }
        return idsByContent.values().stream().mapToInt(s -> s.size() - 1).sum();
    }

    /**
     * The ContractRated events of a contract, each with its input: the KpiRated or RagOverridden of the same period
     * that precedes it in the stream (one event each, by id, in sequence order).
     *
     * @return input event id (or "none") to the ids of the ContractRated that followed it
     */
    Map<String, Set<String>> contractRatedByInput(String subject) {
        Map<String, Set<String>> byInput = new LinkedHashMap<>();
        Map<String, String> lastInputOfPeriod = new HashMap<>();
        for (Event e : distinct(RATINGS, null)) {
            if (!e.subject().equals(subject)) {
                continue;
            }
            switch (e.type()) {
                case "KpiRated", "RagOverridden" -> {
                    lastInputOfPeriod.put(e.period(), e.id());
                    byInput.putIfAbsent(e.id(), new TreeSet<>());
                }
                case "ContractRated" -> byInput.computeIfAbsent(lastInputOfPeriod.getOrDefault(e.period(), "none"),
                        i -> new TreeSet<>()).add(e.id());
                default -> { }
            }
        }
        return byInput;
    }

    /** The subjects with at least one event on the topic. */
    Set<String> subjects(String topic) {
        return events.stream().filter(e -> e.topic().equals(topic)).map(Event::subject)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
