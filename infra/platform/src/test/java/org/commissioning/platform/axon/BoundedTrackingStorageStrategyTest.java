package org.commissioning.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.commissioning.embedded.MongoWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

class BoundedTrackingStorageStrategyTest {

    private static final Duration LOOK_BACK = Duration.ofSeconds(10);
    private static final int EVENTS = 25;

    private MongoWireServer server;
    private MongoClient client;
    private MongoCollection<Document> events;

    @BeforeEach
    void aStoreOfEventsOfThreeAggregates() {
        server = MongoWireServer.inMemoryOnFreePort().start();
        client = MongoClients.create(server.connectionString());
        DefaultMongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(client, "events").build();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().mongoTemplate(template)
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .storageStrategy(new BoundedTrackingStorageStrategy(EventEntryConfiguration.getDefault(), LOOK_BACK))
                .build();
        List<DomainEventMessage<?>> appended = new ArrayList<>();
        IntStream.range(0, EVENTS).forEach(i -> appended.add(new GenericDomainEventMessage<>("Contract",
                "contract-" + i % 3, i / 3, "event " + i)));
        engine.appendEvents(appended);
        events = template.eventCollection();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void keepsEventIdentifiersUniqueInTheStore() {
        assertThat(events.listIndexes().into(new ArrayList<>()))
                .filteredOn(index -> BoundedTrackingStorageStrategy.EVENT_IDENTIFIER_INDEX.equals(index.get("name")))
                .singleElement().satisfies(index -> {
                    assertThat(index.get("key", Document.class)).containsOnlyKeys("eventIdentifier");
                    assertThat(index.getBoolean("unique")).isTrue();
                });
    }

    @Test
    void readsEveryEventAfterATokenOnceInTheStoresOrderAndLeavesNoCursorOpen() {
        BoundedTrackingStorageStrategy strategy = new BoundedTrackingStorageStrategy(
                EventEntryConfiguration.getDefault(), LOOK_BACK);
        List<String> read = new ArrayList<>();
        TrackingToken token = null;
        for (int batches = 0; batches < EVENTS; batches++) {
            List<? extends TrackedEventData<?>> batch = strategy.findTrackedEvents(events, token, 10);
            assertThat(server.openCursors()).as("cursors left open after batch " + batches).isZero();
            assertThat(batch.size()).isLessThanOrEqualTo(10);
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(e -> read.add(((org.axonframework.eventhandling.DomainEventData<?>) e).getEventIdentifier()));
            token = batch.get(batch.size() - 1).trackingToken();
        }

        List<String> stored = events.find().sort(Sorts.ascending("timestamp", "sequenceNumber"))
                .map(d -> d.getString("eventIdentifier")).into(new ArrayList<>());
        assertThat(read).hasSize(EVENTS).doesNotHaveDuplicates().containsExactlyElementsOf(stored);
    }

    @Test
    void axonsOwnStrategyLeavesACursorHoldingTheRestOfTheStoreOpen() {
        // the reason for BoundedTrackingStorageStrategy: when axon-mongo closes its cursor, this fails and it can go
        new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), LOOK_BACK)
                .findTrackedEvents(events, null, 10);

        assertThat(server.openCursors()).isEqualTo(1);
    }
}
