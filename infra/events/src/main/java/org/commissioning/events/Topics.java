package org.commissioning.events;

/** One Kafka topic per context; the record key is the contract id, so a contract's events stay in order. */
public final class Topics {

    public static final String CONTRACTS = "contracts.events.v1";
    public static final String KPI = "kpi.events.v1";
    public static final String RATINGS = "ratings.events.v1";
    public static final String DEEPDIVES = "deepdives.events.v1";
    /** Requests to a topic's owner to publish a contract's events again (key: the contract id); no single owner. */
    public static final String REDELIVERY = "platform.redelivery.v1";

    private Topics() {
    }
}
