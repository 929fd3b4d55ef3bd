package org.commissioning.kpi.api;

import java.util.List;

/** Whether a KPI improves as its value rises or as it falls; fixes the order of its bands. */
public enum Direction {
    HIGHER_IS_BETTER(List.of(Rating.RED, Rating.AMBER, Rating.GREEN, Rating.STRETCH)),
    LOWER_IS_BETTER(List.of(Rating.STRETCH, Rating.GREEN, Rating.AMBER, Rating.RED));

    private final List<Rating> risingOrder;

    Direction(List<Rating> risingOrder) {
        this.risingOrder = risingOrder;
    }

    /** The ratings from the band of the lowest values to that of the highest. */
    public List<Rating> risingOrder() {
        return risingOrder;
    }
}
