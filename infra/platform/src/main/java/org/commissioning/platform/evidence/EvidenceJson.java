package org.commissioning.platform.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A full record of an evidence pack as JSON: indented, map keys sorted, instants and dates in ISO-8601, records'
 * members in declaration order, a final newline.
 */
public final class EvidenceJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private EvidenceJson() {
    }

    public static EvidenceFile record(String name, Object value) {
        try {
            return new EvidenceFile(name, JSON.writeValueAsString(value).replace("\r\n", "\n") + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " cannot be written as JSON", e);
        }
    }
}
