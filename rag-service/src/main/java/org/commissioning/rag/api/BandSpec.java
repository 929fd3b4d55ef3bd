package org.commissioning.rag.api;

import java.math.BigDecimal;

/**
 * One threshold band of a KPI as kpi-service publishes it: the values it rates, each end stated explicitly.
 *
 * @param lower null when open-ended downwards
 * @param upper null when open-ended upwards
 */
public record BandSpec(Rating rating, BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive) {

    public static BandSpec closed(Rating rating, String lower, String upper) {
        return new BandSpec(rating, new BigDecimal(lower), true, new BigDecimal(upper), true);
    }
}
