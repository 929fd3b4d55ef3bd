package org.commissioning.platform.consumer;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** What a service's consumers have handled: every event id, and the highest sequence per contract stream. */
public class ConsumedEventStore {

    static final String EVENTS = "consumed_events";
    static final String STREAMS = "consumed_streams";

    private final MongoTemplate mongo;

    public ConsumedEventStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean seen(String consumer, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(consumer + "|" + eventId)), EVENTS);
    }

    public long lastSequence(String consumer, String source, String subject) {
        Stream stream = mongo.findById(streamId(consumer, source, subject), Stream.class, STREAMS);
        return stream == null ? 0 : stream.lastSequence();
    }

    public void record(String consumer, String eventId, String type, String source, String subject, long sequence) {
        mongo.save(new Consumed(consumer + "|" + eventId, consumer, eventId, type, source, subject, sequence, Instant.now()), EVENTS);
        mongo.upsert(Query.query(Criteria.where("_id").is(streamId(consumer, source, subject))),
                new Update().max("lastSequence", sequence).set("updatedAt", Instant.now()), STREAMS);
    }

    private static String streamId(String consumer, String source, String subject) {
        return consumer + "|" + source + "|" + subject;
    }

    @Document
    record Consumed(@Id String id, String consumer, String eventId, String type, String source, String subject,
                    long sequence, Instant consumedAt) {
    }

    @Document
    record Stream(@Id String id, long lastSequence) {
    }
}
