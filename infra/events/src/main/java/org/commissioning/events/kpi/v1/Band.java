package org.commissioning.events.kpi.v1;

import java.math.BigDecimal;

/**
 * One threshold band of a KPI: the values it rates, with each end stated explicitly.
 *
 * @param rating         STRETCH, GREEN, AMBER or RED
 * @param lower          the lowest value of the band; null when the band is open-ended downwards (it starts at the
 *                       bottom of the unit's range)
 * @param lowerInclusive whether {@code lower} itself is rated by this band (false when {@code lower} is null)
 * @param upper          the highest value of the band; null when the band is open-ended upwards (it runs to the top of
 *                       the unit's range, or without end for units that have none)
 * @param upperInclusive whether {@code upper} itself is rated by this band (false when {@code upper} is null)
 * @see BandRating which band of a table rates a value
 */
public record Band(
        String rating,
        BigDecimal lower,
        boolean lowerInclusive,
        BigDecimal upper,
        boolean upperInclusive) implements BandRating.Bounds {
}
