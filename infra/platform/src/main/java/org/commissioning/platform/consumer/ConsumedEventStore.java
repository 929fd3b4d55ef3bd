package org.commissioning.platform.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What a service's consumers have handled and what they hold back:
 * <ul>
 *   <li>{@value #EVENTS}: every event id handled (or passed over for want of a handler), once;</li>
 *   <li>{@value #STREAMS}: per consumer and contract stream (source + subject), the last sequence applied; the
 *       consumer applies a stream strictly in order, so every number up to it has been applied;</li>
 *   <li>{@value #HELD}: records that arrived ahead of their turn, with the whole CloudEvent, until the missing
 *       ones arrive. Keyed by consumer and event id, so a redelivery is held once. Query it as
 *       {@code db.held_events.find({consumer: "gateway.dashboard"})}: each document names the contract
 *       ({@code subject}), its {@code sequence} and the sequence the stream was waiting for when it arrived
 *       ({@code expected}).</li>
 *   <li>{@value #REDELIVERY_REQUESTS}: per consumer and stream, when the consumer last asked the stream's owner to
 *       publish the events it misses ({@link GapRecovery}).</li>
 * </ul>
 */
@RequiredArgsConstructor
public class ConsumedEventStore {

    static final String EVENTS = "consumed_events";
    static final String STREAMS = "consumed_streams";
    static final String HELD = "held_events";
    static final String REDELIVERY_REQUESTS = "redelivery_requests";

    private final MongoTemplate mongo;

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

    public boolean isHeld(String consumer, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(consumer + "|" + eventId)), HELD);
    }

    /** Keeps the record for later; a record already held (same event id) is kept as it was first held. */
    public void hold(String consumer, String eventId, String type, String source, String subject, long sequence,
                     long expected, byte[] cloudEvent) {
        try {
            mongo.insert(new Held(consumer + "|" + eventId, consumer, eventId, type, source, subject, sequence,
                    expected, new String(cloudEvent, StandardCharsets.UTF_8), Instant.now()), HELD);
        } catch (DuplicateKeyException alreadyHeld) {
            // a redelivery of a record held before
        }
    }

    /** The record held for this number of the stream, if any (the first held, if two claimed it). */
    public Optional<Held> heldAt(String consumer, String source, String subject, long sequence) {
        return Optional.ofNullable(mongo.findOne(stream(consumer, source, subject)
                .addCriteria(Criteria.where("sequence").is(sequence))
                .with(Sort.by("heldAt")), Held.class, HELD));
    }

    public long heldCount(String consumer, String source, String subject) {
        return mongo.count(stream(consumer, source, subject), HELD);
    }

    public long heldCount(String consumer) {
        return mongo.count(Query.query(Criteria.where("consumer").is(consumer)), HELD);
    }

    /** The records a consumer holds, by contract and sequence. */
    public List<Held> held(String consumer) {
        return mongo.find(Query.query(Criteria.where("consumer").is(consumer))
                .with(Sort.by("subject", "sequence")), Held.class, HELD);
    }

    public void release(Held held) {
        mongo.remove(Query.query(Criteria.where("_id").is(held.id())), HELD);
    }

    /** Forgets held records the stream has passed (left behind by a crash between applying and releasing). */
    public void releaseUpTo(String consumer, String source, String subject, long sequence) {
        mongo.remove(stream(consumer, source, subject).addCriteria(Criteria.where("sequence").lte(sequence)), HELD);
    }

    /** Every stream that holds records now: since when (the oldest {@code heldAt}) and up to which sequence. */
    public List<HeldStream> heldStreams() {
        Query query = new Query().with(Sort.by("consumer", "source", "subject", "sequence"));
        query.fields().exclude("cloudEvent");
        Map<String, HeldStream> streams = new LinkedHashMap<>();
        for (Held held : mongo.find(query, Held.class, HELD)) {
            streams.merge(streamId(held.consumer(), held.source(), held.subject()),
                    new HeldStream(held.consumer(), held.source(), held.subject(), held.heldAt(), held.sequence()),
                    HeldStream::with);
        }
        return List.copyOf(streams.values());
    }

    /** When the consumer last asked for the missing events of this stream, if ever. */
    public Optional<Instant> redeliveryRequestedAt(String consumer, String source, String subject) {
        RedeliveryRequest request = mongo.findById(streamId(consumer, source, subject), RedeliveryRequest.class,
                REDELIVERY_REQUESTS);
        return Optional.ofNullable(request).map(RedeliveryRequest::requestedAt);
    }

    public void redeliveryRequested(String consumer, String source, String subject, long fromSequence, Instant at) {
        mongo.save(new RedeliveryRequest(streamId(consumer, source, subject), consumer, source, subject, fromSequence,
                at), REDELIVERY_REQUESTS);
    }

    private static Query stream(String consumer, String source, String subject) {
        return Query.query(Criteria.where("consumer").is(consumer).and("source").is(source).and("subject").is(subject));
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

    @Document
    record RedeliveryRequest(@Id String id, String consumer, String source, String subject, long fromSequence,
                             Instant requestedAt) {
    }

    /**
     * A stream that holds records.
     *
     * @param oldestHeldAt when the record held longest was held
     * @param lastHeld     the largest sequence held
     */
    public record HeldStream(String consumer, String source, String subject, Instant oldestHeldAt, long lastHeld) {

        HeldStream with(HeldStream other) {
            return new HeldStream(consumer, source, subject,
                    oldestHeldAt.isBefore(other.oldestHeldAt) ? oldestHeldAt : other.oldestHeldAt,
                    Math.max(lastHeld, other.lastHeld));
        }
    }

    /**
     * A record held back until its turn.
     *
     * @param expected   the sequence the stream was waiting for when it arrived
     * @param cloudEvent the record as it came, a CloudEvents JSON document
     */
    @Document
    public record Held(@Id String id, String consumer, String eventId, String type, String source, String subject,
                       long sequence, long expected, String cloudEvent, Instant heldAt) {

        byte[] bytes() {
            return cloudEvent.getBytes(StandardCharsets.UTF_8);
        }
    }
}
