package org.commissioning.rag.api;

import java.math.BigDecimal;

import org.commissioning.events.kpi.v1.BandRating;

/**
 * One threshold band of a KPI as kpi-service publishes it: the values it rates, each end stated explicitly.
 *
 * @param lower null when open-ended downwards
 * @param upper null when open-ended upwards
 * @see BandRating which band of a table rates a value
 */
public record BandSpec(Rating rating, BigDecimal lower, boolean lowerInclusive, BigDecimal upper,
                       boolean upperInclusive) implements BandRating.Bounds {

    public static BandSpec closed(Rating rating, String lower, String upper) {
        return new BandSpec(rating, new BigDecimal(lower), true, new BigDecimal(upper), true);
    }
}
