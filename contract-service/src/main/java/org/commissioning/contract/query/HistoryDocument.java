package org.commissioning.contract.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.types.Decimal128;
import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.platform.domain.CausationContext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * One stored event of a contract, keyed by the event's id: storing it again replaces it, never duplicates it.
 * <p>
 * It keeps the event's fields as plain values (dates and periods as ISO text, enums by name, amounts exact), so it
 * reads the same however the event's Java type evolves.
 */
class HistoryDocument {

    private static final ObjectMapper FIELDS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    String id;
    String contractId;
    long sequence;
    String type;
    Instant time;
    String actor;
    String causedBy;
    String summary;
    Map<String, Object> fields;

    /** The entry of a stored event ({@code message}, whose payload is {@code event}). */
    static HistoryDocument of(ContractEvent event, DomainEventMessage<?> message) {
        HistoryDocument doc = new HistoryDocument();
        doc.id = message.getIdentifier();
        doc.contractId = event.contractId();
        doc.sequence = message.getSequenceNumber();
        doc.type = type(event);
        doc.time = message.getTimestamp();
        Object actor = message.getMetaData().get(CausationContext.ACTOR);
        doc.actor = actor == null ? CausationContext.SYSTEM : actor.toString();
        Object causedBy = message.getMetaData().get(CausationContext.CAUSED_BY);
        doc.causedBy = causedBy == null ? null : causedBy.toString();
        doc.summary = HistorySummaries.describe(event);
        doc.fields = fields(event);
        return doc;
    }

    ContractHistoryEntry toEntry() {
        return new ContractHistoryEntry(id, sequence, type, time, actor, causedBy, summary, readValues(fields));
    }

    /** {@code ContractWarningIssuedEvent} is {@code ContractWarningIssued}, the name it is published under. */
    static String type(ContractEvent event) {
        String name = event.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(ContractEvent event) {
        Map<String, Object> fields = FIELDS.convertValue(event, LinkedHashMap.class);
        fields.values().removeIf(v -> v == null);
        return fields;
    }

    /** Amounts come back from MongoDB as Decimal128 inside a map; the API answers them as exact decimals. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> readValues(Map<String, Object> fields) {
        if (fields == null) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((k, v) -> values.put(k, readValue(v)));
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Object readValue(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof Map<?, ?> map) {
            return readValues((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(HistoryDocument::readValue).toList();
        }
        return value;
    }
}
