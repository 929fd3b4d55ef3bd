package org.commissioning.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event in structured mode, as it travels on Kafka.
 * <p>
 * Besides the required CloudEvents attributes it carries these extension attributes:
 * {@code sequence} (1, 2, 3, ... per subject and topic, so a consumer can detect a gap),
 * {@code actor} (who caused it: the caller's subject, or {@code system} for what a service did by itself),
 * {@code correlationid} (the request or chain it belongs to) and, optional and absent from records published
 * before they existed, {@code actorname} (the actor's display name) and {@code causedby} (of an event a service
 * published because of another event: the actor who started that chain).
 * The subject is always the contract id; it is also the Kafka record key.
 *
 * @param <T> the payload type, a record annotated with {@link PublishedEvent}
 */
public record IntegrationEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        long sequence,
        String actor,
        String actorname,
        String correlationid,
        String causedby,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public IntegrationEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }

    /** An envelope without the optional {@code actorname} and {@code causedby}, as published before they existed. */
    public IntegrationEvent(String specversion, String id, String source, String type, String subject, Instant time,
                            String datacontenttype, long sequence, String actor, String correlationid, T data) {
        this(specversion, id, source, type, subject, time, datacontenttype, sequence, actor, null, correlationid,
                null, data);
    }

    public static <T> IntegrationEvent<T> of(String id, String source, String subject, Instant time,
                                             long sequence, String actor, String correlationId, T data) {
        return of(id, source, subject, time, sequence, actor, null, correlationId, null, data);
    }

    /**
     * @param actorName the actor's display name, or null
     * @param causedBy  of an event caused by another event, the actor who started the chain; else null
     */
    public static <T> IntegrationEvent<T> of(String id, String source, String subject, Instant time, long sequence,
                                             String actor, String actorName, String correlationId, String causedBy,
                                             T data) {
        EventType type = EventType.of(data.getClass());
        return new IntegrationEvent<>(SPEC_VERSION, id, source, type.qualifiedName(), subject, time,
                DATA_CONTENT_TYPE, sequence, actor, actorName, correlationId, causedBy, data);
    }

    public String topic() {
        return EventType.of(data.getClass()).topic();
    }
}
