package org.commissioning.platform.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.platform.consumer.BoundConsumer;
import org.commissioning.platform.consumer.ConsumedEventStore;
import org.commissioning.platform.deadletter.DeadLetters.Operator;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.messaging.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The records this service's Kafka consumers dead-lettered: after its retries the binder puts a record a handler
 * failed on (or could not decode) on {@code error.<topic>.<group>}, with the reason in headers. An operator lists
 * them with what became of each, re-applies one through the binding's own consumer once the cause is fixed (the
 * idempotent consumer drops it if gap recovery applied it meanwhile), or discards it with a reason, recorded in
 * {@value DeadLetters#AUDIT_COLLECTION}. A record's state is read, not kept: applied or held by its consumer, or
 * discarded (the only state kept here, in {@value #RESOLUTIONS}), else outstanding.
 */
public class DeadLetteredRecords {

    public enum State { OUTSTANDING, MALFORMED, HELD, APPLIED, RETRIED, DISCARDED }

    static final String RESOLUTIONS = "deadlettered_records";
    private static final Logger log = LoggerFactory.getLogger(DeadLetteredRecords.class);
    private static final int MAX_REASON = 2_000;
    private static final Duration READ_WITHIN = Duration.ofSeconds(15);

    /** A consuming binding and the topic its dead letters go to. */
    public record Binding(String binding, String function, String topic, String group, String deadLetterTopic) {
    }

    /** A dead-lettered record as an operator sees it. */
    public record Record(String deadLetterTopic, int partition, long offset, Instant deadLetteredAt, String key,
                         String originalTopic, Integer originalPartition, Long originalOffset, String exception,
                         String cause, String reason, String eventId, String eventType, String subject,
                         Long sequence, String consumer, State state, String resolution) {
        boolean outstanding() {
            return state == State.OUTSTANDING || state == State.MALFORMED;
        }
    }

    /** What a retry did: the record's state after it, and the failure when it failed again. */
    public record Retried(Record record, boolean failed, String failure) {
    }

    /** An operator's discard, as audited. */
    public record Discarded(String deadLetterTopic, int partition, long offset, String eventId, String subject,
                            String reason, String actor, Instant at) {
    }

    /** Told of every discard after it was audited (the event store's copy, where the service has one). */
    public interface DiscardListener {
        void discarded(Discarded discarded);
    }

    private final List<Binding> bindings;
    private final Map<String, Object> kafka;
    private final Function functions;
    private final ConsumedEventStore consumed;
    private final IntegrationEventCodec codec;
    private final MongoTemplate mongo;
    private final List<DiscardListener> listeners;
    private final Clock clock;
    private final ScheduledExecutorService refresher;
    private volatile Counts counts = new Counts(Instant.EPOCH, Map.of());
    private KafkaConsumer<byte[], byte[]> reader;

    /** The bean a binding calls, by function name. */
    public interface Function {
        Optional<Consumer<Message<byte[]>>> named(String function);
    }

    private record Counts(Instant at, Map<String, Long> outstanding) {
    }

    public DeadLetteredRecords(List<Binding> bindings, Map<String, Object> kafka, Function functions,
                               ConsumedEventStore consumed, IntegrationEventCodec codec, MongoTemplate mongo,
                               List<DiscardListener> listeners, PlatformMetrics metrics, Clock clock,
                               Duration refreshEvery) {
        this.bindings = List.copyOf(bindings);
        this.kafka = Map.copyOf(kafka);
        this.functions = functions;
        this.consumed = consumed;
        this.codec = codec;
        this.mongo = mongo;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        bindings.forEach(b -> metrics.deadLetteredRecords(b.deadLetterTopic(),
                () -> outstandingCounts().getOrDefault(b.deadLetterTopic(), 0L)));
        // its own thread: reading a topic waits for the broker, which must not hold up the service's scheduled tasks
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "deadlettered-records");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        refresher.shutdownNow();
        closeReader();
    }

    private void refresh() {
        try {
            list();
        } catch (RuntimeException e) {
            log.debug("Could not read the dead-letter topics: {}", e.toString());
        }
    }

    public List<Binding> bindings() {
        return bindings;
    }

    /** Every record on the dead-letter topics of this service's bindings, oldest first per topic and partition. */
    public List<Record> list() {
        List<Record> records = new ArrayList<>();
        for (Binding binding : bindings) {
            read(binding.deadLetterTopic()).forEach(r -> records.add(describe(binding, r)));
        }
        refreshCounts(records);
        return records;
    }

    /** The outstanding records per dead-letter topic, as last read (every listing and in the background). */
    public Map<String, Long> outstandingCounts() {
        return counts.outstanding();
    }

    /** When the counts were read; {@link Instant#EPOCH} before the first reading. */
    public Instant countedAt() {
        return counts.at();
    }

    /** Re-applies one record through its binding's consumer; empty when there is no such record. */
    public Optional<Retried> retry(String deadLetterTopic, int partition, long offset) {
        Optional<Binding> binding = binding(deadLetterTopic);
        if (binding.isEmpty()) {
            return Optional.empty();
        }
        Optional<ConsumerRecord<byte[], byte[]>> found = read(deadLetterTopic).stream()
                .filter(r -> r.partition() == partition && r.offset() == offset).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConsumerRecord<byte[], byte[]> record = found.get();
        Record before = describe(binding.get(), record);
        if (before.state() == State.DISCARDED) {
            return Optional.of(new Retried(before, true, "discarded: " + before.resolution()));
        }
        Consumer<Message<byte[]>> function = functions.named(binding.get().function()).orElseThrow(() ->
                new IllegalStateException("No function " + binding.get().function() + " for " + deadLetterTopic));
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value())
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, before.originalTopic() == null ? binding.get().topic()
                        : before.originalTopic());
        if (record.key() != null) {
            message.setHeader(KafkaHeaders.RECEIVED_KEY, record.key());
        }
        try {
            function.accept(message.build());
        } catch (RuntimeException e) {
            log.warn("Dead-lettered record {}/{}@{} failed again: {}", deadLetterTopic, partition, offset, e.toString());
            refresher.execute(this::refresh);
            return Optional.of(new Retried(describe(binding.get(), record), true, reason(e)));
        }
        if (before.consumer() == null) {
            mongo.save(new Document("_id", id(deadLetterTopic, partition, offset)).append("state", "RETRIED")
                    .append("at", java.util.Date.from(clock.instant())), RESOLUTIONS);
        }
        Record after = describe(binding.get(), record);
        log.info("Dead-lettered record {}/{}@{} ({} {}) re-applied by {}: now {}", deadLetterTopic, partition, offset,
                before.eventType(), before.eventId(), Operators.current().actor(), after.state());
        refresher.execute(this::refresh);
        return Optional.of(new Retried(after, false, null));
    }

    /** Re-applies every outstanding record, oldest first. */
    public List<Retried> retryOutstanding() {
        List<Retried> retried = new ArrayList<>();
        for (Record record : list()) {
            if (record.outstanding()) {
                retry(record.deadLetterTopic(), record.partition(), record.offset()).ifPresent(retried::add);
            }
        }
        return retried;
    }

    /**
     * Marks a record discarded, after recording who did it, when and why in {@value DeadLetters#AUDIT_COLLECTION}.
     * Empty when there is no such record or it was discarded already.
     */
    public Optional<Discarded> discard(String deadLetterTopic, int partition, long offset, String reason,
                                       Operator operator) {
        Optional<Binding> binding = binding(deadLetterTopic);
        Optional<Record> record = binding.flatMap(b -> read(deadLetterTopic).stream()
                .filter(r -> r.partition() == partition && r.offset() == offset).findFirst()
                .map(r -> describe(b, r)));
        if (record.isEmpty() || record.get().state() == State.DISCARDED) {
            return Optional.empty();
        }
        Instant at = clock.instant();
        Discarded discarded = new Discarded(deadLetterTopic, partition, offset, record.get().eventId(),
                record.get().subject(), reason, operator.actor(), at);
        Document audit = new Document("_id", UUID.randomUUID().toString()).append("at", java.util.Date.from(at))
                .append("actor", operator.actor());
        operator.claimed().ifPresent(claimed -> audit.append("claimedActor", claimed));
        mongo.insert(audit.append("group", deadLetterTopic).append("sequence", record.get().subject())
                .append("reason", reason).append("records", List.of(new Document("partition", partition)
                        .append("offset", offset).append("eventId", record.get().eventId())
                        .append("eventType", record.get().eventType()).append("sequence", record.get().sequence())
                        .append("originalTopic", record.get().originalTopic())
                        .append("causeMessage", record.get().reason())
                        .append("deadLetteredAt", java.util.Date.from(record.get().deadLetteredAt())))),
                DeadLetters.AUDIT_COLLECTION);
        mongo.save(new Document("_id", id(deadLetterTopic, partition, offset)).append("state", "DISCARDED")
                .append("at", java.util.Date.from(at)).append("actor", operator.actor()).append("reason", reason),
                RESOLUTIONS);
        listeners.forEach(listener -> listener.discarded(discarded));
        refresher.execute(this::refresh);
        log.warn("Dead-lettered record {}/{}@{} ({} {} of {}) discarded by {}{}; reason: {}", deadLetterTopic,
                partition, offset, record.get().eventType(), record.get().eventId(), record.get().subject(),
                operator.actor(), operator.claimed().map(c -> " (X-Actor " + c + ")").orElse(""), reason);
        return Optional.of(discarded);
    }

    private Optional<Binding> binding(String deadLetterTopic) {
        return bindings.stream().filter(b -> b.deadLetterTopic().equals(deadLetterTopic)).findFirst();
    }

    private Record describe(Binding binding, ConsumerRecord<byte[], byte[]> record) {
        String originalTopic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC, "x-original-topic");
        Integer originalPartition = number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION, "x-original-partition")
                .map(Long::intValue).orElse(null);
        Long originalOffset = number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET, "x-original-offset").orElse(null);
        String exception = text(record, KafkaHeaders.DLT_EXCEPTION_FQCN, "x-exception-fqcn");
        String cause = text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, null);
        String message = text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE, "x-exception-message");
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        IntegrationEvent<?> event = null;
        try {
            event = record.value() == null ? null : codec.decode(record.value());
        } catch (RuntimeException malformed) {
            log.debug("Dead-lettered record {}/{}@{} cannot be decoded: {}", record.topic(), record.partition(),
                    record.offset(), malformed.toString());
        }
        String consumer = functions.named(binding.function()).filter(BoundConsumer.class::isInstance)
                .map(f -> ((BoundConsumer) f).consumerName()).orElse(null);
        Document resolution = mongo.findOne(Query.query(Criteria.where("_id")
                .is(id(record.topic(), record.partition(), record.offset()))), Document.class, RESOLUTIONS);
        State state;
        String resolved = null;
        if (resolution != null && "DISCARDED".equals(resolution.getString("state"))) {
            state = State.DISCARDED;
            resolved = resolution.getString("actor") + ": " + resolution.getString("reason");
        } else if (event == null) {
            state = State.MALFORMED;
        } else if (consumer != null && consumed.seen(consumer, event.id())) {
            state = State.APPLIED;
        } else if (consumer != null && consumed.isHeld(consumer, event.id())) {
            state = State.HELD;
        } else if (consumer == null && resolution != null) {
            state = State.RETRIED;
        } else {
            state = State.OUTSTANDING;
        }
        return new Record(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), key, originalTopic, originalPartition, originalOffset,
                exception, cause, truncate(message), event == null ? null : event.id(),
                event == null ? null : event.type(), event == null ? key : event.subject(),
                event == null ? null : event.sequence(), consumer, state, resolved);
    }

    private void refreshCounts(List<Record> records) {
        Map<String, Long> outstanding = new LinkedHashMap<>();
        bindings.forEach(b -> outstanding.put(b.deadLetterTopic(), 0L));
        records.stream().filter(Record::outstanding).forEach(r -> outstanding.merge(r.deadLetterTopic(), 1L, Long::sum));
        counts = new Counts(clock.instant(), Map.copyOf(outstanding));
    }

    /** The whole topic as it stands now (the broker creates nothing: a topic not yet created has no records). */
    private synchronized List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try {
            KafkaConsumer<byte[], byte[]> consumer = reader();
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, READ_WITHIN);
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            // an explicit seek: seekToBeginning logs each partition's reset at INFO, every reading
            consumer.beginningOffsets(assigned, READ_WITHIN).forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, READ_WITHIN);
            Instant deadline = clock.instant().plus(READ_WITHIN);
            while (assigned.stream().anyMatch(p -> consumer.position(p, READ_WITHIN) < end.get(p))) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + READ_WITHIN);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                });
            }
        } catch (RuntimeException e) {
            closeReader();
            throw e;
        }
        records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /** One consumer of no group for every reading, made again after a failure. */
    private KafkaConsumer<byte[], byte[]> reader() {
        if (reader == null) {
            Map<String, Object> config = new HashMap<>(kafka);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "deadlettered-records");
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return reader;
    }

    private synchronized void closeReader() {
        if (reader != null) {
            try {
                reader.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                log.debug("Closing the dead-letter reader: {}", e.toString());
            }
            reader = null;
        }
    }

    private static String id(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String header, String legacy) {
        Header found = last(record, header, legacy);
        return found == null || found.value() == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }

    private static Optional<Long> number(ConsumerRecord<byte[], byte[]> record, String header, String legacy) {
        Header found = last(record, header, legacy);
        if (found == null || found.value() == null) {
            return Optional.empty();
        }
        byte[] value = found.value();
        return switch (value.length) {
            case Integer.BYTES -> Optional.of((long) ByteBuffer.wrap(value).getInt());
            case Long.BYTES -> Optional.of(ByteBuffer.wrap(value).getLong());
            default -> {
                try {
                    yield Optional.of(Long.parseLong(new String(value, StandardCharsets.UTF_8)));
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
        };
    }

    private static Header last(ConsumerRecord<byte[], byte[]> record, String header, String legacy) {
        Header found = record.headers().lastHeader(header);
        return found != null || legacy == null ? found : record.headers().lastHeader(legacy);
    }

    private static String reason(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return truncate(root.getClass().getName() + ": " + root.getMessage());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
