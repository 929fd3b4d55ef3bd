package org.commissioning.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.json.JacksonSerializer;
import org.commissioning.embedded.MongoWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The event store's in-memory cache for processors following its head. Each cached event holds a MongoDB tracking
 * token naming every event of its look-back window, so an unbounded cache's memory grows with the append rate.
 */
class EventStoreCacheTest {

    private static final int CACHED = 50;
    private static final int EVENTS = 600;

    private MongoWireServer server;
    private MongoClient client;
    private BoundedFetchMongoEventStorageEngine engine;

    @BeforeEach
    void aStoreOnTheWire() {
        server = MongoWireServer.inMemoryOnFreePort().start();
        client = MongoClients.create(server.connectionString());
        engine = new BoundedFetchMongoEventStorageEngine(engineOnTheWire(), CACHED);
    }

    private MongoEventStorageEngine.Builder engineOnTheWire() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "events").build())
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .storageStrategy(new BoundedTrackingStorageStrategy(EventEntryConfiguration.getDefault(),
                        Duration.ofSeconds(10)));
    }

    /**
     * The event store's producer fills its cache from a blocking stream and keeps the cache's newest node until that
     * stream ends; Axon's ends only at an empty batch, so under steady appends it kept every event from then on.
     */
    @Test
    void theCachesFetchEndsAfterAtMostItsCachedEventsWhileAProcessorsOwnReadGoesToTheEnd() {
        engine.appendEvents(IntStream.range(0, 3 * CACHED).<DomainEventMessage<?>>mapToObj(i ->
                new GenericDomainEventMessage<>("Contract", "contract-" + i % 7, i / 7, "event " + i)).toList());

        try (Stream<? extends TrackedEventMessage<?>> fetch = engine.readEvents(null, true)) {
            assertThat(fetch.count()).isEqualTo(CACHED);
        }
        try (Stream<? extends TrackedEventMessage<?>> own = engine.readEvents(null, false)) {
            assertThat(own.count()).isEqualTo(3 * CACHED);
        }
        try (Stream<? extends TrackedEventMessage<?>> axons = engineOnTheWire().build().readEvents(null, true)) {
            assertThat(axons.count()).as("Axon's blocking stream").isEqualTo(3 * CACHED);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void keepsAtMostItsCachedEventsInMemoryAndAProcessorFollowingTheHeadStillGetsEveryEventOnce()
            throws InterruptedException {
        EmbeddedEventStore store = AxonPlatformAutoConfiguration.eventStore(engine, CACHED).build();
        try {
            List<String> published = followHeadWhilePublishing(store, following -> await()
                    .atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cachedNodes(following))
                            .isPositive().isLessThanOrEqualTo(CACHED)));

            assertThat(published).hasSize(EVENTS);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void axonsDefaultCacheKeepsEveryRecentEventInMemory() throws InterruptedException {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            followHeadWhilePublishing(store, following -> assertThat(cachedNodes(following)).isGreaterThan(CACHED));
        } finally {
            store.shutDown();
        }
    }

    /**
     * Publishes in batches of 20, a processor reading each batch as it comes except three in every ten, so it falls
     * behind by more than the bounded cache holds; then checks the cache while the processor still follows.
     */
    private static List<String> followHeadWhilePublishing(EmbeddedEventStore store,
                                                          Consumer<EmbeddedEventStore> whileFollowing)
            throws InterruptedException {
        List<String> published = new ArrayList<>();
        List<String> read = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            for (int batch = 0; batch < EVENTS / 20; batch++) {
                List<DomainEventMessage<?>> events = new ArrayList<>();
                int first = batch * 20;
                IntStream.range(first, first + 20).forEach(i -> events.add(new GenericDomainEventMessage<>(
                        "Contract", "contract-" + i % 7, i / 7, "event " + i)));
                store.publish(events);
                events.forEach(event -> published.add(event.getIdentifier()));
                if (batch % 10 < 7) {
                    readUntilIdle(stream, read);
                }
            }
            while (read.size() < published.size() && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                read.add(stream.nextAvailable().getIdentifier());
            }
            readUntilIdle(stream, read);
            whileFollowing.accept(store);
        }
        assertThat(read).as("events read by the processor following the head").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(published);
        return published;
    }

    /** As a tracking processor polls: until nothing more comes for a moment, which is when it starts to follow the head. */
    private static void readUntilIdle(BlockingStream<TrackedEventMessage<?>> stream, List<String> read)
            throws InterruptedException {
        while (stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)) {
            read.add(stream.nextAvailable().getIdentifier());
        }
    }

    /** The events between the cache's oldest node and its newest (Axon keeps them in a private linked list). */
    private static int cachedNodes(EmbeddedEventStore store) {
        int nodes = 0;
        for (Object node = ReflectionTestUtils.getField(store, "oldest"); node != null;
             node = ReflectionTestUtils.getField(node, "next")) {
            nodes++;
        }
        return nodes;
    }
}
