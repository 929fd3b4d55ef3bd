package org.commissioning.gateway.application.portal;

import java.math.BigDecimal;

import org.commissioning.events.kpi.v1.BandRating;

/**
 * One band of a KPI as kpi-service's framework states it; which band rates a value is the published
 * {@link BandRating}, the definition every service uses.
 *
 * @param rating STRETCH, GREEN, AMBER or RED
 */
public record BandBounds(String rating, BigDecimal lower, boolean lowerInclusive, BigDecimal upper,
                         boolean upperInclusive) implements BandRating.Bounds {

    /** The band as people read it: "Green: from 90 to 95", "Red: under 85", "Stretch: over 95". */
    public String describe() {
        String from = lower == null ? null : (lowerInclusive ? "from " : "over ") + plain(lower);
        String to = upper == null ? null : (upperInclusive ? "" : "under ") + plain(upper);
        String range = from == null ? (upperInclusive ? "up to " : "") + to
                : to == null ? from : from + " to " + to;
        return Ratings.label(rating) + ": " + range;
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
