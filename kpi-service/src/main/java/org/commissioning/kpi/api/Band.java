package org.commissioning.kpi.api;

import java.math.BigDecimal;

import org.commissioning.events.kpi.v1.BandRating;

/**
 * One threshold band: the values from {@code lower} to {@code upper} it rates, each end stated as inclusive or not.
 * A null bound leaves the band open-ended on that side (down to the bottom, or up to the top, of the unit's range).
 * Whether the bands of a KPI fit together is {@link BandTable}'s business; which band rates a value is
 * {@link BandRating}'s, the published definition.
 */
public record Band(Rating rating, BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive)
        implements BandRating.Bounds {

    public Band {
        if (lower == null) {
            lowerInclusive = false;
        }
        if (upper == null) {
            upperInclusive = false;
        }
    }

    /** {@code [lower, upper]}. */
    public static Band closed(Rating rating, String lower, String upper) {
        return new Band(rating, new BigDecimal(lower), true, new BigDecimal(upper), true);
    }

    /** {@code [lower, upper)}. */
    public static Band closedOpen(Rating rating, String lower, String upper) {
        return new Band(rating, new BigDecimal(lower), true, new BigDecimal(upper), false);
    }

    /** {@code (lower, upper]}. */
    public static Band openClosed(Rating rating, String lower, String upper) {
        return new Band(rating, new BigDecimal(lower), false, new BigDecimal(upper), true);
    }

    /** Values above {@code lower} (exclusive), to the top of the range: "&gt;95". */
    public static Band above(Rating rating, String lower) {
        return new Band(rating, new BigDecimal(lower), false, null, false);
    }

    /** Values from {@code lower} (inclusive) to the top of the range. */
    public static Band from(Rating rating, String lower) {
        return new Band(rating, new BigDecimal(lower), true, null, false);
    }

    /** Values below {@code upper} (exclusive), from the bottom of the range: "&lt;85". */
    public static Band below(Rating rating, String upper) {
        return new Band(rating, null, false, new BigDecimal(upper), false);
    }

    /** Values up to {@code upper} (inclusive), from the bottom of the range. */
    public static Band upTo(Rating rating, String upper) {
        return new Band(rating, null, false, new BigDecimal(upper), true);
    }

    /** As written in messages: {@code GREEN [90, 95]}, {@code RED (.., 85)}. */
    @Override
    public String toString() {
        return rating + " " + (lower == null ? "(.." : (lowerInclusive ? "[" : "(") + KpiUnit.plain(lower))
                + ", " + (upper == null ? "..)" : KpiUnit.plain(upper) + (upperInclusive ? "]" : ")"));
    }
}
