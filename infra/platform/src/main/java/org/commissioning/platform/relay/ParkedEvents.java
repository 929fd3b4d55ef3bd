package org.commissioning.platform.relay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The relay's dead-letter store ({@code outbox_parked}): events the broker can never accept as they are, and the
 * events of the same contract stream held behind them, in the order the relay met them. An entry names the stored
 * event (aggregate id and sequence number) rather than copying it, so a retry re-reads and re-translates it.
 * Only the relay and its retry write here, both under the relay's lock.
 */
@RequiredArgsConstructor
public class ParkedEvents {

    static final String COLLECTION = "outbox_parked";

    /** The stream key of an event that could not even be translated: its aggregate stands for its stream. */
    static String aggregateStream(String aggregateId) {
        return "aggregate|" + aggregateId;
    }

    static String stream(String topic, String subject) {
        return topic + "|" + subject;
    }

    private final MongoTemplate mongo;

    public Optional<Entry> find(String eventId) {
        return Optional.ofNullable(mongo.findById(eventId, Entry.class, COLLECTION));
    }

    /** The stream an event must wait in: the one holding its own topic and subject, or its untranslatable aggregate. */
    public Optional<String> holding(String topic, String subject, String aggregateId) {
        List<Criteria> any = new ArrayList<>();
        if (topic != null && subject != null) {
            any.add(Criteria.where("topic").is(topic).and("subject").is(subject));
            any.add(Criteria.where("stream").is(stream(topic, subject)));
        }
        if (aggregateId != null) {
            any.add(Criteria.where("stream").is(aggregateStream(aggregateId)));
        }
        if (any.isEmpty()) {
            return Optional.empty();
        }
        Query query = Query.query(new Criteria().orOperator(any)).with(Sort.by("position")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Entry.class, COLLECTION)).map(Entry::stream);
    }

    public Entry park(Entry entry) {
        Entry last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "position")).limit(1),
                Entry.class, COLLECTION);
        Entry positioned = entry.at(last == null ? 1 : last.position() + 1);
        mongo.insert(positioned, COLLECTION);
        return positioned;
    }

    public void failedAgain(Entry entry, String reason, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.eventId())),
                new Update().set("reason", reason).set("held", false).set("lastAttemptAt", at).inc("attempts", 1),
                COLLECTION);
    }

    public void remove(String eventId) {
        mongo.remove(Query.query(Criteria.where("_id").is(eventId)), COLLECTION);
    }

    /** Every entry, oldest first. */
    public List<Entry> all() {
        return mongo.find(new Query().with(Sort.by("position")), Entry.class, COLLECTION);
    }

    public List<Entry> inStream(String stream) {
        return mongo.find(Query.query(Criteria.where("stream").is(stream)).with(Sort.by("position")),
                Entry.class, COLLECTION);
    }

    /** The streams held, in the order they were first held. */
    public List<String> streams() {
        Map<String, Boolean> streams = new LinkedHashMap<>();
        all().forEach(e -> streams.put(e.stream(), true));
        return List.copyOf(streams.keySet());
    }

    public long count() {
        return mongo.count(new Query(), COLLECTION);
    }

    /** Entries by topic ({@value #UNKNOWN_TOPIC} for events that could not be translated). */
    public Map<String, Long> countByTopic() {
        Map<String, Long> counts = new TreeMap<>();
        all().forEach(e -> counts.merge(topicOf(e), 1L, Long::sum));
        return counts;
    }

    static final String UNKNOWN_TOPIC = "unknown";

    static String topicOf(Entry entry) {
        return entry.topic() == null ? UNKNOWN_TOPIC : entry.topic();
    }

    /**
     * @param eventId           the stored event's identifier, which is also the published event's id
     * @param stream            the stream this entry waits in ({@code topic|subject}, or {@code aggregate|id})
     * @param position          order of parking; within a stream the order the relay met the events
     * @param topic             null when the event could not be translated
     * @param sequence          the ledger's sequence, once the event has one (held events get theirs when sent)
     * @param aggregateSequence with {@code aggregateId}, where to re-read the stored event
     * @param held              true while the entry only waits behind an earlier entry of its stream
     * @param attempts          publish or translation attempts made, including the first
     */
    @Document
    public record Entry(@Id String eventId, String stream, long position, String topic, String subject,
                        Long sequence, String type, String aggregateId, Long aggregateSequence, String reason,
                        boolean held, Instant parkedAt, Instant lastAttemptAt, int attempts) {

        Entry at(long newPosition) {
            return new Entry(eventId, stream, newPosition, topic, subject, sequence, type, aggregateId,
                    aggregateSequence, reason, held, parkedAt, lastAttemptAt, attempts);
        }
    }
}
