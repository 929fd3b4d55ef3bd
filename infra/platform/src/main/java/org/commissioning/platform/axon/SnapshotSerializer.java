package org.commissioning.platform.axon;

import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The serializer of aggregate snapshots: JSON of an aggregate's fields (private or not, getters ignored), nulls
 * included, so an aggregate is snapshotted as it is without annotations or accessors written for it. Fields typed as
 * records, enums, {@code java.time} values and maps keyed by them are read back as they were written.
 * A snapshot carries the aggregate's {@code @Revision}: change the revision when the aggregate's fields change, and
 * snapshots of another revision are ignored (the aggregate is replayed from its events instead).
 */
public final class SnapshotSerializer {

    private SnapshotSerializer() {
    }

    /** @param base the application's mapper (its modules: {@code java.time}, parameter names) */
    public static JacksonSerializer of(ObjectMapper base) {
        ObjectMapper mapper = base.copy()
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.SETTER, Visibility.NONE)
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                        JsonInclude.Include.ALWAYS));
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
