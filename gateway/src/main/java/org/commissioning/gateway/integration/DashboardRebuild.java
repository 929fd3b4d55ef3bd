package org.commissioning.gateway.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.gateway.application.FollowPublishedEvents;
import org.commissioning.platform.consumer.IdempotentConsumer;
import org.commissioning.platform.consumer.IdempotentConsumers;
import org.commissioning.platform.consumer.IntegrationEventHandlers;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.commissioning.platform.readmodel.ReadModelCollections;
import org.commissioning.platform.readmodel.ReadModelCollections.Generation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Rebuilds the dashboard from the topics without downtime. The projection runs a second time into a new collection
 * {@code dashboard_contracts_<n+1>}: a Kafka consumer of its own (no group) reads the four topics from their beginning
 * up to their end offsets at the start, through idempotent consumers of its own (the same owner checks, duplicate
 * drops and per-contract order as the live ones), while the live consumers keep the served collection up to date.
 * Then the live bindings are paused, the rebuild reads on up to the offsets the live group has committed, the read
 * model is switched to the new collection (one update of its {@code read_models} document) and the live bindings
 * resume, writing the new collection: every record is applied to the new collection exactly once, by the rebuild
 * before the switch or by the live consumers after it. The collection served before is kept until the next rebuild
 * drops it; a rebuild that fails leaves the dashboard as it was.
 */
public class DashboardRebuild {

    private static final Logger log = LoggerFactory.getLogger(DashboardRebuild.class);
    public static final String READ_MODEL = FollowPublishedEvents.READ_MODEL;
    /** The live bindings and the topics they read, as application.yml binds them. */
    static final Map<String, String> BINDINGS = Map.of(
            "contractEvents-in-0", Topics.CONTRACTS,
            "ratingEvents-in-0", Topics.RATINGS,
            "deepDiveEvents-in-0", Topics.DEEPDIVES,
            "kpiEvents-in-0", Topics.KPI);

    public enum Phase { NEVER, CATCHING_UP, SWITCHING, DONE, FAILED }

    /**
     * @param processed records read from the topics so far
     * @param total     records on the topics up to their end offsets at the start (more once it reads past them)
     */
    public record Progress(String readModel, Phase state, String collection, long processed, long total,
                           double progress, double etaSeconds, double recordsPerSecond, Instant startedAt,
                           Instant finishedAt, String error) {
    }

    public record ReadModelState(String readModel, String liveCollection, int generation, String previousCollection,
                                 Progress lastRebuild) {
    }

    private final ReadModelCollections collections;
    private final MongoTemplate mongo;
    private final FollowPublishedEvents dashboard;
    private final IdempotentConsumers consumers;
    private final IntegrationEventCodec codec;
    private final BindingsLifecycleController bindings;
    private final Map<String, Object> kafka;
    private final String group;
    private final Duration logEvery;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong processed = new AtomicLong();
    private volatile Phase phase = Phase.NEVER;
    private volatile String collection;
    private volatile long total;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;

    /**
     * @param kafka the client settings of the binder (bootstrap servers and security) for the rebuild's own consumer
     * @param group the live bindings' consumer group
     */
    public DashboardRebuild(ReadModelCollections collections, MongoTemplate mongo, FollowPublishedEvents dashboard,
                            IdempotentConsumers consumers, IntegrationEventCodec codec,
                            BindingsLifecycleController bindings, Map<String, Object> kafka, String group,
                            MeterRegistry registry, Duration logEvery) {
        this.collections = collections;
        this.mongo = mongo;
        this.dashboard = dashboard;
        this.consumers = consumers;
        this.codec = codec;
        this.bindings = bindings;
        this.kafka = Map.copyOf(kafka);
        this.group = group;
        this.logEvery = logEvery;
        Gauge.builder("platform.rebuild.progress", this, r -> r.progress().progress()).tag("readModel", READ_MODEL)
                .description("Share of the topics' records the read model's last rebuild has read (0..1)")
                .register(registry);
        Gauge.builder("platform.rebuild.eta", this, r -> r.progress().etaSeconds()).tag("readModel", READ_MODEL)
                .baseUnit("seconds").description("Estimated time until the read model's running rebuild has caught up")
                .register(registry);
    }

    public List<ReadModelState> readModels() {
        return List.of(state());
    }

    public ReadModelState state() {
        Generation live = collections.current(READ_MODEL);
        return new ReadModelState(READ_MODEL, live.collection(), live.generation(), live.previous(), progress());
    }

    /**
     * Starts rebuilding the dashboard in the background.
     *
     * @throws RuleViolationException for another read model's name (400, field readModel)
     * @throws StateConflictException while a rebuild runs (409)
     */
    public synchronized ReadModelState start(String readModel) {
        if (!READ_MODEL.equals(readModel)) {
            throw new RuleViolationException("unknown-read-model", "readModel", "No rebuildable read model is named '"
                    + readModel + "'; the gateway has " + READ_MODEL);
        }
        if (phase == Phase.CATCHING_UP || phase == Phase.SWITCHING) {
            throw new StateConflictException("one-rebuild-at-a-time", phase.name(), "The dashboard is being rebuilt");
        }
        phase = Phase.CATCHING_UP;
        processed.set(0);
        total = 0;
        error = null;
        startedAt = Instant.now();
        finishedAt = null;
        runner.submit(this::run);
        return state();
    }

    private void run() {
        try {
            rebuild();
            finishedAt = Instant.now();
            phase = Phase.DONE;
        } catch (Exception e) {
            finishedAt = Instant.now();
            error = e.toString();
            phase = Phase.FAILED;
            log.error("The rebuild of {} failed; it is served as before from {}", READ_MODEL,
                    collections.live(READ_MODEL), e);
            if (collection != null && !collection.equals(collections.live(READ_MODEL))) {
                mongo.dropCollection(collection);
            }
        }
    }

    private void rebuild() throws Exception {
        Generation current = collections.current(READ_MODEL);
        int generation = current.generation() + 1;
        String target = ReadModelCollections.collectionOf(READ_MODEL, generation);
        if (current.previous() != null && !current.previous().equals(current.collection())) {
            mongo.dropCollection(current.previous());
        }
        mongo.dropCollection(target);
        collection = target;
        FollowPublishedEvents into = dashboard.writingTo(target);
        Map<String, IdempotentConsumer> replay = new HashMap<>();
        Map<String, IntegrationEventHandlers> handlers = Map.of(
                Topics.CONTRACTS, into.contractEvents(), Topics.RATINGS, into.ratingEvents(),
                Topics.DEEPDIVES, into.deepDiveEvents(), Topics.KPI, into.kpiEvents());
        handlers.forEach((topic, h) -> replay.put(topic, consumers.create("dashboard-rebuild-" + generation + "."
                + topic, h)));

        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : BINDINGS.values()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            total = partitions.stream().mapToLong(p -> ends.get(p) - begins.get(p)).sum();
            log.info("Rebuilding {} into {} from {} records on {}", READ_MODEL, target, total, BINDINGS.values());
            readUpTo(consumer, ends, replay);

            phase = Phase.SWITCHING;
            BINDINGS.keySet().forEach(binding -> bindings.changeState(binding, State.PAUSED));
            try {
                Map<TopicPartition, Long> committed = committedOnceStill(partitions);
                readUpTo(consumer, committed, replay);
                collections.switchTo(READ_MODEL, new Generation(target, generation, current.collection()));
                log.info("{} is served from {} now ({} records read; {} kept until the next rebuild)", READ_MODEL,
                        target, processed.get(), current.collection());
            } finally {
                BINDINGS.keySet().forEach(binding -> bindings.changeState(binding, State.RESUMED));
            }
        }
    }

    /** Reads every partition on to {@code offsets} (exclusive), handing each record to its topic's replay consumer. */
    private void readUpTo(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> offsets,
                          Map<String, IdempotentConsumer> replay) {
        long lastLog = System.nanoTime();
        Set<TopicPartition> open = offsets.keySet().stream().filter(p -> consumer.position(p) < offsets.get(p))
                .collect(Collectors.toSet());
        consumer.resume(consumer.assignment());
        while (!open.isEmpty()) {
            consumer.pause(consumer.assignment().stream().filter(p -> !open.contains(p)).toList());
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= offsets.get(partition)) {
                    continue;
                }
                processed.incrementAndGet();
                apply(record, replay.get(record.topic()));
            }
            // a poll may have read past the offsets: the next phase reads on from them
            for (TopicPartition p : offsets.keySet()) {
                if (consumer.position(p) > offsets.get(p)) {
                    consumer.seek(p, offsets.get(p));
                }
            }
            open.removeIf(p -> consumer.position(p) >= offsets.get(p));
            if (System.nanoTime() - lastLog > logEvery.toNanos()) {
                Progress now = progress();
                log.info("Rebuild of {}: {} of {} records ({}%), about {} s to go", READ_MODEL, now.processed(),
                        now.total(), Math.round(now.progress() * 100), Math.round(now.etaSeconds()));
                lastLog = System.nanoTime();
            }
        }
    }

    /** A record the live consumers would refuse (not an event, another source) is refused here as well. */
    private void apply(ConsumerRecord<byte[], byte[]> record, IdempotentConsumer consumer) {
        if (record.value() == null) {
            return;
        }
        IntegrationEvent<?> event;
        try {
            event = codec.decode(record.value());
        } catch (RuntimeException notAnEvent) {
            log.debug("Rebuild of {} skipped {}-{}@{}: {}", READ_MODEL, record.topic(), record.partition(),
                    record.offset(), notAnEvent.toString());
            return;
        }
        try {
            consumer.accept(event, record.topic());
        } catch (RuntimeException e) {
            // the live consumer dead-letters such a record after its retries; the rebuild leaves it out likewise
            log.warn("Rebuild of {} could not apply {} {} of contract {} ({}-{}@{}): {}", READ_MODEL, event.type(),
                    event.id(), event.subject(), record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    /** The live group's committed offsets once the paused bindings have stopped committing (unchanged for 2 s). */
    private Map<TopicPartition, Long> committedOnceStill(List<TopicPartition> partitions) throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, Long> before = committed(admin, partitions);
            int unchanged = 0;
            for (int i = 0; i < 240; i++) {
                Thread.sleep(500);
                Map<TopicPartition, Long> now = committed(admin, partitions);
                unchanged = now.equals(before) ? unchanged + 1 : 0;
                if (unchanged >= 4) {
                    return now;
                }
                before = now;
            }
            throw new IllegalStateException("The live consumers of group " + group + " kept committing while paused");
        }
    }

    private Map<TopicPartition, Long> committed(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> committed = new LinkedHashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndMetadata at = offsets.get(p);
            committed.put(p, at == null ? 0L : at.offset());
        }
        return committed;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return properties;
    }

    Progress progress() {
        long done = processed.get();
        long all = Math.max(total, done);
        double fraction = phase == Phase.DONE ? 1.0 : all == 0 ? 0.0 : (double) done / all;
        Instant started = startedAt;
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = started == null ? 0 : Duration.between(started, end).toMillis() / 1000.0;
        double rate = seconds <= 0 ? 0 : done / seconds;
        double eta = (phase == Phase.CATCHING_UP || phase == Phase.SWITCHING) && rate > 0
                ? Math.max(0, all - done) / rate : 0;
        return new Progress(READ_MODEL, phase, collection, done, all, fraction, eta, rate, startedAt, finishedAt,
                error);
    }

    public void shutdown() {
        runner.shutdownNow();
    }
}
