package org.commissioning.platform.relay;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Gives each published event its place in its contract's stream, once: the sequence an event is given
 * the first time it is relayed is the one it keeps when it is relayed again after a failure or a replay.
 * Only the relay's single tracking thread and its operator retry write here, one at a time under the relay's lock,
 * so reading the counter and then inserting is safe.
 */
@RequiredArgsConstructor
public class OutboxLedger {

    static final String ENTRIES = "outbox_entries";
    static final String STREAMS = "outbox_streams";

    private final MongoTemplate mongo;

    public long sequenceFor(String eventId, String topic, String subject) {
        Entry existing = mongo.findById(eventId, Entry.class, ENTRIES);
        if (existing != null) {
            return existing.sequence();
        }
        String streamId = topic + "|" + subject;
        Stream stream = mongo.findById(streamId, Stream.class, STREAMS);
        long next = (stream == null ? 0 : stream.lastSequence()) + 1;
        mongo.insert(new Entry(eventId, topic, subject, next, Instant.now(), null), ENTRIES);
        mongo.findAndModify(Query.query(Criteria.where("_id").is(streamId)),
                new Update().max("lastSequence", next),
                FindAndModifyOptions.options().upsert(true), Stream.class, STREAMS);
        return next;
    }

    public void markPublished(String eventId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(eventId)),
                Update.update("publishedAt", Instant.now()), ENTRIES);
    }

    /** The events of a stream numbered {@code from} to {@code to} ({@code null}: no end), in sequence order. */
    public List<Entry> inStream(String topic, String subject, long from, Long to) {
        Criteria sequence = Criteria.where("sequence").gte(from);
        if (to != null) {
            sequence = sequence.lte(to);
        }
        return mongo.find(Query.query(Criteria.where("topic").is(topic).and("subject").is(subject)
                .andOperator(sequence)).with(Sort.by("sequence")), Entry.class, ENTRIES);
    }

    public long unpublished() {
        return mongo.count(Query.query(Criteria.where("publishedAt").is(null)), ENTRIES);
    }

    @Document
    record Entry(@Id String id, String topic, String subject, long sequence, Instant recordedAt, Instant publishedAt) {
    }

    @Document
    record Stream(@Id String id, long lastSequence) {
    }
}
