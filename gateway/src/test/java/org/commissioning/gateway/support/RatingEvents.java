package org.commissioning.gateway.support;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.Context;
import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.events.ratings.v1.TrajectoryAssessed;

/**
 * Rating events as rag-service publishes them on {@code ratings.events.v1}, each with a new event id and the
 * sequence chosen by the test (a contract's rating events are numbered apart from its contract events).
 */
public final class RatingEvents {

    private RatingEvents() {
    }

    /** The contract's overall rating changed to {@code to}, computed from the KPIs of {@code period}. */
    public static IntegrationEvent<RagChanged> ragChanged(String contractId, long sequence, String from, String to,
                                                          YearMonth period) {
        return ratingEvent(contractId, sequence, new RagChanged(contractId, from, to, period, "COMPUTED", null));
    }

    /** An officer set the contract's overall rating, with a rationale. */
    public static IntegrationEvent<RagChanged> ragSetByOfficer(String contractId, long sequence, String from,
                                                               String to, YearMonth period, String rationale) {
        return ratingEvent(contractId, sequence, new RagChanged(contractId, from, to, period, "OFFICER", rationale));
    }

    /** A trajectory computed from the headline KPIs' trends, three months ahead of {@code period}. */
    public static IntegrationEvent<TrajectoryAssessed> computedTrajectory(String contractId, long sequence,
                                                                          YearMonth period, String currentRating,
                                                                          String projectedRating, String trend) {
        return ratingEvent(contractId, sequence, new TrajectoryAssessed(contractId, period, 3, currentRating,
                projectedRating, trend, "COMPUTED", "least-squares-6m.v1", null, "rag-service", List.of()));
    }

    /** A trajectory stated by an officer. */
    public static IntegrationEvent<TrajectoryAssessed> statedTrajectory(String contractId, long sequence,
                                                                        YearMonth period, int horizonMonths,
                                                                        String currentRating, String projectedRating,
                                                                        String trend, String statement) {
        return ratingEvent(contractId, sequence, new TrajectoryAssessed(contractId, period, horizonMonths,
                currentRating, projectedRating, trend, "OFFICER", null, statement, "officer.jones", List.of()));
    }

    public static <T> IntegrationEvent<T> ratingEvent(String contractId, long sequence, T data) {
        return IntegrationEvent.of(UUID.randomUUID().toString(), Context.RATINGS.source(), contractId,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), sequence, "officer.jones", UUID.randomUUID().toString(),
                data);
    }
}
