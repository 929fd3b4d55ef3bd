package org.commissioning.gateway.api;

import java.time.YearMonth;

/**
 * Where a contract's rating is heading, from its latest {@code TrajectoryAssessed}.
 *
 * @param trend           IMPROVING, STABLE or DECLINING
 * @param projectedRating the rating expected at the horizon: GREEN, AMBER or RED
 * @param horizonMonths   how many months ahead of {@code period} it projects
 * @param basis           COMPUTED (least-squares trends of the headline KPIs) or OFFICER (an officer's statement)
 * @param period          the rated month it was assessed at
 * @param statement       the officer's statement; null when computed
 */
public record DashboardTrajectory(
        String trend,
        String projectedRating,
        int horizonMonths,
        String basis,
        YearMonth period,
        String statement) {
}
