package org.commissioning.rag.command;

import java.math.BigDecimal;
import java.util.List;

import org.commissioning.rag.api.BandSpec;
import org.commissioning.rag.api.Rating;

/**
 * Rates a value against a published band table. Pure. A percentage given as a fraction is compared exactly
 * (100 * numerator against bound * denominator), never through its rounded value. A table that rates the value
 * by no band, or by more than one, is refused rather than guessed.
 */
public final class BandRater {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BandRater() {
    }

    public static Rating rate(List<BandSpec> bands, BigDecimal value) {
        return rate(bands, value, null, null);
    }

    public static Rating rate(List<BandSpec> bands, BigDecimal value, Long numerator, Long denominator) {
        boolean fraction = numerator != null && denominator != null && denominator != 0;
        List<BandSpec> matching = bands.stream().filter(b -> contains(b, value, fraction, numerator, denominator)).toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException("The band table " + bands + " rates " + value + " by " + matching.size()
                    + " bands; exactly one is required");
        }
        return matching.get(0).rating();
    }

    static boolean contains(BandSpec band, BigDecimal value, boolean fraction, Long numerator, Long denominator) {
        if (band.lower() != null) {
            int c = compare(value, fraction, numerator, denominator, band.lower());
            if (c < 0 || (c == 0 && !band.lowerInclusive())) {
                return false;
            }
        }
        if (band.upper() != null) {
            int c = compare(value, fraction, numerator, denominator, band.upper());
            if (c > 0 || (c == 0 && !band.upperInclusive())) {
                return false;
            }
        }
        return true;
    }

    /** Compares the value with a bound: exactly from the fraction where one was given. */
    private static int compare(BigDecimal value, boolean fraction, Long numerator, Long denominator, BigDecimal bound) {
        if (!fraction) {
            return value.compareTo(bound);
        }
        BigDecimal left = BigDecimal.valueOf(numerator).multiply(HUNDRED);
        BigDecimal right = bound.multiply(BigDecimal.valueOf(denominator));
        return denominator > 0 ? left.compareTo(right) : right.compareTo(left);
    }
}
