package org.commissioning.platform.axon;

import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;

/**
 * Axon's MongoDB storage engine, whose blocking tracked stream ends after a bounded number of events. Only the event
 * store's producer asks for a blocking stream, to fill the cache the processors following the head read from. It
 * holds the cache's newest node from the start of a fetch until the stream ends, and Axon's tracked stream ends only
 * at an empty batch: while events keep being appended it never did, so every event appended stayed in the heap,
 * however small the cache (kpi-service ran out of memory in the benchmark's pipeline). Ending the stream
 * here makes the producer fetch again from its newest event, which lets the older ones go. A processor's own stream
 * (non-blocking) still reads to the end.
 */
public class BoundedFetchMongoEventStorageEngine extends MongoEventStorageEngine {

    private final int eventsPerFetch;

    public BoundedFetchMongoEventStorageEngine(MongoEventStorageEngine.Builder builder, int eventsPerFetch) {
        super(builder);
        if (eventsPerFetch < 1) {
            throw new IllegalArgumentException("eventsPerFetch must be positive, not " + eventsPerFetch);
        }
        this.eventsPerFetch = eventsPerFetch;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(eventsPerFetch) : events;
    }
}
