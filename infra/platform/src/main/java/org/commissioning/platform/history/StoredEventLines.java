package org.commissioning.platform.history;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Sorts.ascending;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.commissioning.platform.domain.AsOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The canonical lines of a stream's events, read as they are stored in the event store's collection (Axon's
 * document-per-event layout: {@code domainevents}), not as Axon deserialises them, so that what is hashed is exactly
 * what is kept. A stream is an aggregate: its events in sequence order.
 */
public class StoredEventLines {

    static final String STREAM = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";
    private static final ObjectMapper METADATA = new ObjectMapper();

    private final Supplier<MongoTemplate> axonMongo;

    public StoredEventLines(Supplier<MongoTemplate> axonMongo) {
        this.axonMongo = axonMongo;
    }

    /**
     * One stored event: where it is in its stream and its canonical line; when the store recorded it and the command
     * whose handling stored it ({@link AsOf#COMMAND}; null when its metadata names none or cannot be read).
     */
    public record StoredLine(String stream, long sequence, String eventId, String line, Instant storedAt,
                             String command) {

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
        String timestamp = text(stored.get("timestamp"));
        return new StoredLine(stream, sequence, eventId, CanonicalJson.of(members),
                storedAt(timestamp),
                command(text(stored.get("serializedMetaData"))));
    }

    /** The lines of a stream as the store held them at {@code asOf} (all of them for null), by {@link AsOf}'s rule. */
    static List<StoredLine> asOf(List<StoredLine> lines, Instant asOf) {
        return AsOf.prefix(lines.iterator(), StoredLine::storedAt, StoredLine::command, asOf);
    }

    /** An unreadable time (an edited store) counts as after any instant: the stream as of any instant ends before it. */
    private static Instant storedAt(String timestamp) {
        try {
            return timestamp == null ? Instant.MAX : Instant.parse(timestamp);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.MAX;
        }
    }

    private static String command(String metaData) {
        if (metaData == null) {
            return null;
        }
        try {
            JsonNode command = METADATA.readTree(metaData).get(AsOf.COMMAND);
            return command == null || !command.isTextual() ? null : command.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
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
