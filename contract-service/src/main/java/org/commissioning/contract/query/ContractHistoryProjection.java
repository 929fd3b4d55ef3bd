package org.commissioning.contract.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.types.Decimal128;
import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractHistoryQuery;
import org.commissioning.platform.domain.CausationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.annotation.PostConstruct;

/**
 * Each contract's lifecycle, one entry per stored event, keyed by the event's id: a replayed or redelivered
 * event replaces its own entry and never adds a second one.
 * <p>
 * An entry keeps the event's fields as plain values (dates and periods as ISO text, enums by name, amounts
 * exact), so it reads the same however the event's Java type evolves.
 */
@Component
@ProcessingGroup(ContractHistoryProjection.PROCESSING_GROUP)
@RequiredArgsConstructor
public class ContractHistoryProjection {

    public static final String PROCESSING_GROUP = "contract-history";
    static final String COLLECTION = "contract_history";

    private static final ObjectMapper FIELDS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final MongoTemplate mongo;

    /** A contract's history is read by contract id in sequence order (the embedded server ignores the index). */
    @PostConstruct
    void ensureIndex() {
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("contractId", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).named("contract_sequence"));
    }

    @EventHandler
    public void on(ContractEvent event, DomainEventMessage<?> message) {
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
        mongo.save(doc, COLLECTION);
    }

    @QueryHandler
    public List<ContractHistoryEntry> handle(ContractHistoryQuery query) {
        Query q = Query.query(Criteria.where("contractId").is(query.contractId())).with(Sort.by("sequence"));
        return mongo.find(q, HistoryDocument.class, COLLECTION).stream()
                .map(d -> new ContractHistoryEntry(d.id, d.sequence, d.type, d.time, d.actor, d.causedBy, d.summary,
                        readValues(d.fields)))
                .toList();
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
            return list.stream().map(ContractHistoryProjection::readValue).toList();
        }
        return value;
    }
}
