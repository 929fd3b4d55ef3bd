package org.commissioning.platform.history;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Sorts.ascending;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;

/**
 * The canonical lines of a stream's events, read as they are stored in the event store's collection (Axon's
 * document-per-event layout: {@code domainevents}), not as Axon deserialises them, so that what is hashed is exactly
 * what is kept. A stream is an aggregate: its events in sequence order.
 */
public class StoredEventLines {

    static final String STREAM = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";

    private final Supplier<MongoTemplate> axonMongo;

    public StoredEventLines(Supplier<MongoTemplate> axonMongo) {
        this.axonMongo = axonMongo;
    }

    /** One stored event: where it is in its stream and its canonical line. */
    public record StoredLine(String stream, long sequence, String eventId, String line) {

        public String leaf() {
            return ChainHashes.leaf(line);
        }
    }

    /** Every event of the stream after {@code afterSequence} (-1: all), in sequence order. */
    public List<StoredLine> after(String stream, long afterSequence) {
        List<StoredLine> lines = new ArrayList<>();
        for (Document stored : axonMongo.get().eventCollection()
                .find(and(eq(STREAM, stream), gt(SEQUENCE, afterSequence))).sort(ascending(SEQUENCE))) {
            lines.add(line(stored));
        }
        return lines;
    }

    /** Every stream of the store: its aggregates (an event published outside an aggregate has no type). */
    public List<String> streams() {
        return axonMongo.get().eventCollection().distinct(STREAM, ne("type", null), String.class)
                .into(new ArrayList<>());
    }

    /** The canonical line of a stored event (README, "Tamper-evident history", names each member's source). */
    static StoredLine line(Document stored) {
        String stream = stored.getString(STREAM);
        long sequence = ((Number) stored.get(SEQUENCE)).longValue();
        String eventId = stored.getString("eventIdentifier");
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("stream", stream);
        members.put("sequence", sequence);
        members.put("eventId", eventId);
        members.put("aggregateType", text(stored.get("type")));
        members.put("timestamp", text(stored.get("timestamp")));
        members.put("payloadType", text(stored.get("payloadType")));
        members.put("revision", text(stored.get("payloadRevision")));
        members.put("payload", text(stored.get("serializedPayload")));
        members.put("metaData", text(stored.get("serializedMetaData")));
        return new StoredLine(stream, sequence, eventId, CanonicalJson.of(members));
    }

    /** A stored value as text: a string as it is, a sub-document as its relaxed extended JSON, a date as ISO-8601. */
    private static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Document document) {
            return document.toJson();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value.toString();
    }
}
