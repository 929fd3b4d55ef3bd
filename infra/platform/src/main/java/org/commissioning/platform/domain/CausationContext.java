package org.commissioning.platform.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Who caused the work on this thread and which chain it belongs to: set from HTTP headers by the web layer
 * and from the incoming integration event by consumers, copied onto commands and from there onto stored
 * and published events.
 */
public record CausationContext(String actor, String correlationId) {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationid";
    public static final String SYSTEM = "system";

    private static final ThreadLocal<CausationContext> CURRENT = new ThreadLocal<>();

    public static Optional<CausationContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static CausationContext currentOrNew() {
        return current().orElseGet(() -> new CausationContext(SYSTEM, UUID.randomUUID().toString()));
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
