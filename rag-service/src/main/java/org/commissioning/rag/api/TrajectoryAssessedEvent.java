package org.commissioning.rag.api;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Where the contract's rating is heading, as at {@code period}: computed from the headline KPIs' trends
 * (basis COMPUTED, {@code method} names how) or stated by an officer (basis OFFICER, with a statement).
 *
 * @param period          the latest rated month the assessment is made at
 * @param horizonMonths   how far ahead it projects
 * @param currentRating   the contract's rating it starts from
 * @param projectedRating the rating expected at the horizon (STRETCH counting as GREEN)
 * @param projections     per headline KPI, the fit and its projection (empty for an officer's statement)
 * @param statement       the officer's statement, e.g. "on trajectory for green in the next three months"; null when computed
 * @param assessedBy      {@code rag-service} when computed, else the officer
 */
@Revision("1")
public record TrajectoryAssessedEvent(String contractId, YearMonth period, int horizonMonths, Rating currentRating,
                                      Rating projectedRating, Trend trend, Basis basis, String method,
                                      List<KpiProjection> projections, String statement, String assessedBy)
        implements ContractRatingEvent {

    public TrajectoryAssessedEvent {
        projections = projections == null ? List.of() : List.copyOf(projections);
    }
}
