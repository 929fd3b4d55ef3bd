package org.commissioning.events.ratings.v1;

import java.time.YearMonth;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * Where a contract's rating is heading, as at a rated month: computed from the headline KPIs' least-squares trends
 * over the last six rated months (basis COMPUTED), or stated by an officer (basis OFFICER, with a statement such as
 * "on trajectory for green in the next three months").
 *
 * @param period          the latest rated month the assessment is made at
 * @param horizonMonths   how many months ahead it projects
 * @param currentRating   the rating it starts from: GREEN, AMBER or RED
 * @param projectedRating the rating expected at the horizon: GREEN, AMBER or RED
 * @param trend           IMPROVING, STABLE or DECLINING: for a computed one, the fitted lines' rating at the
 *                        horizon against their rating at the assessed month; for an officer's, projected against current
 * @param basis           COMPUTED or OFFICER
 * @param method          how a computed trajectory was derived, e.g. {@code least-squares-6m.v1}; null for an officer's
 * @param statement       the officer's statement; null when computed
 * @param assessedBy      {@code rag-service} when computed, else the officer
 * @param kpis            the headline KPIs' trends (empty for an officer's statement)
 */
@PublishedEvent(context = Context.RATINGS, name = "TrajectoryAssessed", version = 1)
public record TrajectoryAssessed(
        String contractId,
        YearMonth period,
        int horizonMonths,
        String currentRating,
        String projectedRating,
        String trend,
        String basis,
        String method,
        String statement,
        String assessedBy,
        List<KpiTrend> kpis) {
}
