package org.commissioning.events.ratings.v1;

import java.util.List;

/** The event types of {@code ratings.events.v1}, version 1. */
public final class RatingsV1 {

    public static final List<Class<?>> TYPES = List.of(
            ContractRated.class,
            RagChanged.class,
            KpiRated.class,
            RagOverridden.class,
            TrajectoryAssessed.class,
            HistorySealed.class,
            PerformanceNoticeOverdue.class,
            PerformanceNoticeConfirmed.class);

    private RatingsV1() {
    }
}
