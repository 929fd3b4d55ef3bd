package org.commissioning.events;

/**
 * The bounded contexts that publish events, each on a topic of its own, and {@link #PLATFORM}: the platform's own
 * messages between services (requests to re-deliver lost events), on a topic that has no single owner.
 */
public enum Context {
    CONTRACTS("contracts", Topics.CONTRACTS, "/contract-service"),
    KPI("kpi", Topics.KPI, "/kpi-service"),
    RATINGS("ratings", Topics.RATINGS, "/rag-service"),
    DEEPDIVES("deepdives", Topics.DEEPDIVES, "/deepdive-service"),
    /** Every service may publish here, each under its own {@code source}: there is no owner to check it against. */
    PLATFORM("platform", Topics.REDELIVERY, null);

    private final String code;
    private final String topic;
    private final String source;

    Context(String code, String topic, String source) {
        this.code = code;
        this.topic = topic;
        this.source = source;
    }

    public String code() {
        return code;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code source} of every event this context publishes; null when the topic has no owner. */
    public String source() {
        return source;
    }

    /** Whether one service owns the topic, so that a record from any other {@code source} is refused. */
    public boolean hasOwner() {
        return source != null;
    }
}
