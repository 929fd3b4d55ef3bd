package org.commissioning.events;

/** The bounded contexts that publish events, each on a topic of its own. */
public enum Context {
    CONTRACTS("contracts", Topics.CONTRACTS, "/contract-service"),
    KPI("kpi", Topics.KPI, "/kpi-service"),
    RATINGS("ratings", Topics.RATINGS, "/rag-service"),
    DEEPDIVES("deepdives", Topics.DEEPDIVES, "/deepdive-service");

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

    /** The CloudEvents {@code source} of every event this context publishes. */
    public String source() {
        return source;
    }
}
