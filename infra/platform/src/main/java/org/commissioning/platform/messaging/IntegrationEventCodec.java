package org.commissioning.platform.messaging;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.commissioning.events.EventType;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.PublishedLanguage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes and reads integration events as CloudEvents JSON (structured mode).
 * Reading is tolerant: unknown fields are ignored, and an event of a type this build does not know
 * is returned with its data as a {@link JsonNode}, so consumers still see its sequence number.
 * The optional extension attributes {@code actorname} and {@code causedby} are written only when they have a
 * value, and read as null from a record without them.
 */
public final class IntegrationEventCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .addMixIn(IntegrationEvent.class, OptionalExtensions.class)
            .build();

    public byte[] encode(IntegrationEvent<?> event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new EventEncodingException("Cannot encode " + event.type() + ": " + e.getMessage(), e);
        }
    }

    public IntegrationEvent<?> decode(byte[] json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (IOException e) {
            throw new MalformedEventException("Not JSON: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("Not a JSON object", null);
        }
        String type = required(tree, "type");
        JsonNode dataNode = tree.path("data");
        Optional<EventType> known = PublishedLanguage.find(type);
        Object data;
        try {
            data = known.isPresent() ? mapper.treeToValue(dataNode, known.get().payloadType()) : dataNode;
        } catch (IOException e) {
            throw new MalformedEventException("Data of " + type + " does not match its schema: " + e.getMessage(), e);
        }
        try {
            return new IntegrationEvent<>(
                    required(tree, "specversion"),
                    required(tree, "id"),
                    required(tree, "source"),
                    type,
                    required(tree, "subject"),
                    Instant.parse(required(tree, "time")),
                    tree.path("datacontenttype").asText(IntegrationEvent.DATA_CONTENT_TYPE),
                    tree.path("sequence").asLong(0),
                    tree.path("actor").asText(null),
                    tree.path("actorname").asText(null),
                    tree.path("correlationid").asText(null),
                    tree.path("causedby").asText(null),
                    data);
        } catch (RuntimeException e) {
            throw new MalformedEventException("Invalid envelope of " + type + ": " + e.getMessage(), e);
        }
    }

    public static boolean isKnown(IntegrationEvent<?> event) {
        return !(event.data() instanceof JsonNode);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The extension attributes an envelope may lack: left out when null rather than written as null. */
    private interface OptionalExtensions {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String actorname();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String causedby();
    }

    private static String required(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            throw new MalformedEventException("Missing CloudEvents attribute '" + field + "'", null);
        }
        return node.asText();
    }
}
