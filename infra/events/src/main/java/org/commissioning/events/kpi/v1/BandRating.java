package org.commissioning.events.kpi.v1;

import java.math.BigDecimal;
import java.util.List;

/**
 * Which band of a KPI's band table rates a value: the one definition every service uses. A band takes in a value
 * when the value lies between its bounds read literally, each end inclusive or not as the {@link Band} states it,
 * a missing bound leaving the band open on that side. Pure and exact: a value given as a fraction is compared with a
 * bound by cross-multiplication ({@code numerator} against {@code bound * denominator}), never through a rounded
 * quotient, so 2 of 3 (66.66...%) is never rated as if it were 66.67.
 * <p>
 * A table that rates a value by no band, or by more than one, is refused with an {@link IllegalArgumentException}
 * rather than guessed.
 */
public final class BandRating {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The bounds of a band, as {@link Band} publishes them; any band-like type of a service can offer them. */
    public interface Bounds {

        /** Null when the band is open-ended downwards. */
        BigDecimal lower();

        boolean lowerInclusive();

        /** Null when the band is open-ended upwards. */
        BigDecimal upper();

        boolean upperInclusive();
    }

    private BandRating() {
    }

    /** The one band of the table that rates the value. */
    public static <B extends Bounds> B bandOf(List<B> bands, BigDecimal value) {
        requireValue(value);
        return only(bands, bands.stream().filter(b -> contains(b, value)).toList(), value.toPlainString());
    }

    /**
     * The one band of the table that rates the value {@code numerator / denominator}, exactly.
     *
     * @throws IllegalArgumentException for a denominator of 0
     */
    public static <B extends Bounds> B bandOf(List<B> bands, BigDecimal numerator, BigDecimal denominator) {
        requireFraction(numerator, denominator);
        return only(bands, bands.stream().filter(b -> contains(b, numerator, denominator)).toList(),
                numerator.toPlainString() + "/" + denominator.toPlainString());
    }

    /** The one band of the table that rates the percentage {@code 100 * numerator / denominator}, exactly. */
    public static <B extends Bounds> B bandOfPercentage(List<B> bands, long numerator, long denominator) {
        return bandOf(bands, BigDecimal.valueOf(numerator).multiply(HUNDRED), BigDecimal.valueOf(denominator));
    }

    /**
     * The one band of the table that rates a figure as {@link KpiSubmitted} carries it: the percentage
     * {@code 100 * numerator / denominator} where both are given (and the denominator is not 0), the value otherwise.
     */
    public static <B extends Bounds> B bandOfFigure(List<B> bands, BigDecimal value, Long numerator, Long denominator) {
        if (numerator != null && denominator != null && denominator != 0) {
            return bandOfPercentage(bands, numerator, denominator);
        }
        return bandOf(bands, value);
    }

    /** Whether the band, its bounds read literally, takes in the value. */
    public static boolean contains(Bounds band, BigDecimal value) {
        requireValue(value);
        return contains(band, value, BigDecimal.ONE);
    }

    /** Whether the band, its bounds read literally, takes in the value {@code numerator / denominator}, exactly. */
    public static boolean contains(Bounds band, BigDecimal numerator, BigDecimal denominator) {
        requireFraction(numerator, denominator);
        if (band.lower() != null) {
            int c = compare(numerator, denominator, band.lower());
            if (c < 0 || (c == 0 && !band.lowerInclusive())) {
                return false;
            }
        }
        if (band.upper() != null) {
            int c = compare(numerator, denominator, band.upper());
            if (c > 0 || (c == 0 && !band.upperInclusive())) {
                return false;
            }
        }
        return true;
    }

    /** The sign of {@code numerator / denominator - bound}, without dividing. */
    private static int compare(BigDecimal numerator, BigDecimal denominator, BigDecimal bound) {
        int c = numerator.compareTo(bound.multiply(denominator));
        return denominator.signum() > 0 ? c : -c;
    }

    private static <B extends Bounds> B only(List<B> bands, List<B> matching, String value) {
        if (matching.size() != 1) {
            throw new IllegalArgumentException("The band table " + bands + " rates " + value + " by "
                    + matching.size() + " bands; exactly one is required");
        }
        return matching.get(0);
    }

    private static void requireValue(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("There is no value to rate");
        }
    }

    private static void requireFraction(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            throw new IllegalArgumentException(numerator + "/" + denominator + " is not a fraction to rate");
        }
    }
}
