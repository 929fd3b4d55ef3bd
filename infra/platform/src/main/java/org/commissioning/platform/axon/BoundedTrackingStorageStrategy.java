package org.commissioning.platform.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.common.Assert;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

import com.mongodb.BasicDBObject;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;

/**
 * Axon's document-per-event strategy with its tracking reads bounded. axon-mongo 4.10 asks for the events after a
 * token with a batch size but no limit, reads one batch and never closes the cursor: MongoDB keeps every such cursor
 * for its ten-minute timeout, and the embedded server, which holds a cursor's whole result, kept every event after
 * the token in memory for each poll of each processor behind the head (a rebuild replaying a store of 10,800 values
 * filled the fault suite launcher's heap). Here a read asks for at most the batch, in the same order and from the same
 * position, and closes its cursor.
 */
public class BoundedTrackingStorageStrategy extends DocumentPerEventStorageStrategy {

    static final String EVENT_IDENTIFIER_INDEX = "uniqueEventIdentifierIndex";

    private final EventEntryConfiguration configuration;
    private final Duration lookBackTime;

    public BoundedTrackingStorageStrategy(EventEntryConfiguration configuration, Duration lookBackTime) {
        super(configuration, lookBackTime);
        this.configuration = configuration;
        this.lookBackTime = lookBackTime;
    }

    /**
     * Axon's indexes and a unique one on the event identifier: the relay and redelivery find a stored event by its
     * identifier, and a tracking read's exclusion of the events it has seen names them by it.
     */
    @Override
    public void ensureIndexes(MongoCollection<Document> eventsCollection,
                              MongoCollection<Document> snapshotsCollection) {
        super.ensureIndexes(eventsCollection, snapshotsCollection);
        eventsCollection.createIndex(new BasicDBObject(configuration.eventIdentifierProperty(), ORDER_ASC),
                new IndexOptions().unique(true).name(EVENT_IDENTIFIER_INDEX));
    }

    @Override
    public List<? extends TrackedEventData<?>> findTrackedEvents(MongoCollection<Document> eventCollection,
                                                                  TrackingToken lastToken, int batchSize) {
        FindIterable<Document> found;
        if (lastToken == null) {
            found = eventCollection.find();
        } else {
            Assert.isTrue(lastToken instanceof MongoTrackingToken,
                    () -> "Token %s is of the wrong type".formatted(lastToken));
            MongoTrackingToken token = (MongoTrackingToken) lastToken;
            found = eventCollection.find(Filters.and(
                    Filters.gte(configuration.timestampProperty(),
                            DateTimeUtils.formatInstant(token.getTimestamp().minus(lookBackTime))),
                    Filters.nin(configuration.eventIdentifierProperty(), token.getKnownEventIds())));
        }
        found = found.sort(new BasicDBObject(configuration.timestampProperty(), ORDER_ASC)
                        .append(configuration.sequenceNumberProperty(), ORDER_ASC))
                .limit(batchSize)
                .batchSize(batchSize);
        AtomicReference<MongoTrackingToken> position = new AtomicReference<>((MongoTrackingToken) lastToken);
        List<TrackedEventData<?>> events = new ArrayList<>();
        try (MongoCursor<Document> cursor = found.iterator()) {
            while (events.size() < batchSize && cursor.hasNext()) {
                extractEvents(cursor.next())
                        .filter(event -> position.get() == null
                                || !position.get().getKnownEventIds().contains(event.getEventIdentifier()))
                        .forEach(event -> events.add(tracked(position, event)));
            }
        }
        return events;
    }

    private <T> TrackedEventData<T> tracked(AtomicReference<MongoTrackingToken> position, DomainEventData<T> event) {
        MongoTrackingToken token = position.updateAndGet(last -> last == null
                ? MongoTrackingToken.of(event.getTimestamp(), event.getEventIdentifier())
                : last.advanceTo(event.getTimestamp(), event.getEventIdentifier(), lookBackTime));
        return new TrackedDomainEventData<>(token, event);
    }
}
