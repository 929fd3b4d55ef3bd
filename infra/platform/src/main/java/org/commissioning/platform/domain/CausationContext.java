package org.commissioning.platform.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who caused the work on this thread and which chain it belongs to: set from the request by the web layer (the
 * token's subject and name, or {@code X-Actor} with security off) and from the incoming integration event by
 * consumers, copied onto commands and from there onto stored and published events.
 *
 * @param actor         who acts: the caller's subject, or {@link #SYSTEM} for work no caller asked for (a scan, an
 *                      incoming integration event)
 * @param actorName     the actor's display name (the token's name; with security off the {@code X-Actor} value)
 * @param correlationId the request or chain of events the work belongs to
 * @param causedBy      for work caused by an integration event: the actor at the origin of the chain (the human
 *                      whose request led to that event); null for work a caller or a scan started
 */
public record CausationContext(String actor, String actorName, String correlationId, String causedBy) {

    public static final String ACTOR = "actor";
    public static final String ACTOR_NAME = "actorname";
    public static final String CORRELATION_ID = "correlationid";
    public static final String CAUSED_BY = "causedby";
    public static final String SYSTEM = "system";

    private static final ThreadLocal<CausationContext> CURRENT = new ThreadLocal<>();

    /** An actor known by its identifier only (a scan's {@link #SYSTEM}): its name is the identifier. */
    public CausationContext(String actor, String correlationId) {
        this(actor, actor, correlationId, null);
    }

    /** Work of the system caused by an integration event whose chain {@code causedBy} started. */
    public static CausationContext causedByEvent(String causedBy, String correlationId) {
        return new CausationContext(SYSTEM, SYSTEM, correlationId, causedBy);
    }

    public static Optional<CausationContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static CausationContext currentOrNew() {
        return current().orElseGet(() -> new CausationContext(SYSTEM, UUID.randomUUID().toString()));
    }

    /** The metadata a command or stored event carries: actor, actorname, correlationid and, when present, causedby. */
    public Map<String, Object> metaData() {
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put(ACTOR, actor);
        if (actorName != null) {
            metaData.put(ACTOR_NAME, actorName);
        }
        metaData.put(CORRELATION_ID, correlationId);
        if (causedBy != null) {
            metaData.put(CAUSED_BY, causedBy);
        }
        return metaData;
    }

    /** Runs {@code work} with this context set, restoring the previous one afterwards. */
    public void run(Runnable work) {
        CausationContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
