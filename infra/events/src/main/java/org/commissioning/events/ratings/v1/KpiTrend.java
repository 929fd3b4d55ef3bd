package org.commissioning.events.ratings.v1;

import java.math.BigDecimal;

/**
 * A headline KPI's trend in a computed {@link TrajectoryAssessed}.
 *
 * @param points         how many rated months the least-squares fit uses (3 to 6)
 * @param slopePerMonth  the fitted change per month, in the KPI's unit
 * @param fittedValue    the line's value at the assessed month (what the trend starts from)
 * @param projectedValue the fitted value at the horizon, kept within the band table's range
 * @param fittedBand     the band of {@code fittedValue}: STRETCH, GREEN, AMBER or RED
 * @param currentBand    the band of the assessed month's actual value
 * @param projectedBand  the band of the projected value
 */
public record KpiTrend(String kpiCode, int points, BigDecimal slopePerMonth, BigDecimal fittedValue,
                       String fittedBand, BigDecimal projectedValue, String currentBand, String projectedBand) {
}
