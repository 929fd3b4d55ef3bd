package org.commissioning.events.kpi.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Percentage band tables generated at random: RED, AMBER, GREEN (and STRETCH) rising from 0 to 100, meeting at
 * cuts of up to 2 decimals, each cut taken by the band below or the band above, in random order.
 * <p>
 * (Named {@code ...Test} so that the build's Surefire includes, {@code *Test}, {@code *Tests} and {@code *IT},
 * run it.)
 */
class BandRatingPropertiesTest {

    private static final List<String> RISING = List.of("RED", "AMBER", "GREEN", "STRETCH");

    @Property(tries = 500)
    void everyValueIsRatedByOneBandAndRatingsRiseWithTheValue(@ForAll("tables") Table table,
                                                              @ForAll("percentages") List<BigDecimal> values) {
        List<Integer> ranks = values.stream().sorted()
                .map(v -> RISING.indexOf(BandRating.bandOf(table.bands(), v).rating())).toList();

        assertThat(ranks).as("ranks of the ratings of ascending values in %s", table).isSorted();
    }

    @Property(tries = 500)
    void aCutIsRatedByTheBandThatTakesIt(@ForAll("tables") Table table, @ForAll @IntRange(min = 0, max = 2) int at) {
        int i = at % table.cuts().size();
        BigDecimal cut = table.cuts().get(i);
        String expected = RISING.get(table.takenByUpper().get(i) ? i + 1 : i);

        assertThat(BandRating.bandOf(table.bands(), cut).rating()).isEqualTo(expected);
        assertThat(BandRating.bandOf(table.bands(), cut.subtract(new BigDecimal("0.000001"))).rating())
                .isEqualTo(RISING.get(i));
        assertThat(BandRating.bandOf(table.bands(), cut.add(new BigDecimal("0.000001"))).rating())
                .isEqualTo(RISING.get(i + 1));
    }

    /**
     * The exact comparison agrees with a quotient computed to more decimals than can separate it from any bound
     * (kpi-service's former way): a quotient that differs from a bound of 2 decimals differs by at least
     * {@code 10^-2 / denominator}.
     */
    @Property(tries = 1000)
    void ratesAFractionAsItsQuotientComputedFarEnough(@ForAll("tables") Table table,
                                                      @ForAll @LongRange(min = 1, max = 10_000_000) long denominator,
                                                      @ForAll @IntRange(min = 0, max = 2) int at,
                                                      @ForAll @IntRange(min = -2, max = 2) int nudge) {
        long numerator = nearCut(table.cuts().get(at % table.cuts().size()), denominator, nudge);
        int scale = 2 + String.valueOf(denominator).length() + 2;
        BigDecimal quotient = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.DOWN);

        assertThat(BandRating.bandOfPercentage(table.bands(), numerator, denominator).rating())
                .as("%s/%s in %s", numerator, denominator, table)
                .isEqualTo(BandRating.bandOf(table.bands(), quotient).rating());
    }

    @Property(tries = 500)
    void aFractionKeepsItsBandWhenBothPartsAreMultiplied(@ForAll("tables") Table table,
                                                         @ForAll @LongRange(min = 1, max = 100_000) long denominator,
                                                         @ForAll @IntRange(min = 0, max = 2) int at,
                                                         @ForAll @IntRange(min = -1, max = 1) int nudge,
                                                         @ForAll @LongRange(min = -1_000, max = 1_000) long factor) {
        long numerator = nearCut(table.cuts().get(at % table.cuts().size()), denominator, nudge);
        BigDecimal k = BigDecimal.valueOf(factor == 0 ? 7 : factor);
        BigDecimal hundredTimes = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100));

        BigDecimal scaledDenominator = BigDecimal.valueOf(denominator).multiply(k);

        assertThat(BandRating.bandOf(table.bands(), hundredTimes.multiply(k), scaledDenominator))
                .isEqualTo(BandRating.bandOfPercentage(table.bands(), numerator, denominator));
    }

    @Property(tries = 500)
    void aValueAndTheFractionThatIsExactlyItAreRatedAlike(@ForAll("tables") Table table,
                                                         @ForAll("percentages") List<BigDecimal> values) {
        for (BigDecimal value : values) {
            BigDecimal hundredths = value.setScale(2, RoundingMode.HALF_UP);
            long numerator = hundredths.movePointRight(2).longValueExact();

            assertThat(BandRating.bandOfFigure(table.bands(), hundredths, numerator, 10_000L))
                    .isEqualTo(BandRating.bandOf(table.bands(), hundredths))
                    .isEqualTo(BandRating.bandOfFigure(table.bands(), hundredths, null, null));
        }
    }

    /** A numerator whose percentage of the denominator is at the cut or just beside it, within [0, denominator]. */
    private static long nearCut(BigDecimal cut, long denominator, int nudge) {
        long at = cut.multiply(BigDecimal.valueOf(denominator)).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR)
                .longValueExact();
        return Math.max(0, Math.min(denominator, at + nudge));
    }

    @Provide
    Arbitrary<List<BigDecimal>> percentages() {
        Arbitrary<BigDecimal> anywhere = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100))
                .ofScale(6);
        Arbitrary<BigDecimal> hundredths = Arbitraries.integers().between(0, 10_000).map(i -> BigDecimal.valueOf(i, 2));
        return Arbitraries.oneOf(anywhere, hundredths).list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<Boolean> stretch = Arbitraries.of(true, false);
        Arbitrary<List<Integer>> points = Arbitraries.integers().between(1, 9_999).set().ofSize(3)
                .map(set -> set.stream().sorted().toList());
        Arbitrary<List<Boolean>> takenByUpper = Arbitraries.of(true, false).list().ofSize(3);
        Arbitrary<Boolean> openEnds = Arbitraries.of(true, false);
        Arbitrary<Long> shuffle = Arbitraries.longs();
        return Combinators.combine(stretch, points, takenByUpper, openEnds, shuffle).as(Table::generate);
    }

    /**
     * @param cuts         where band {@code i} meets band {@code i + 1}, ascending
     * @param takenByUpper for each cut, whether the band above rates it
     * @param bands        in random order
     */
    record Table(List<BigDecimal> cuts, List<Boolean> takenByUpper, List<Band> bands) {

        static Table generate(boolean stretch, List<Integer> points, List<Boolean> takenByUpper, boolean openEnds,
                              long shuffle) {
            int count = stretch ? 4 : 3;
            List<BigDecimal> cuts = points.subList(0, count - 1).stream().map(p -> BigDecimal.valueOf(p, 2)).toList();
            List<Boolean> taken = takenByUpper.subList(0, count - 1);
            List<Band> bands = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                BigDecimal lower = i == 0 ? (openEnds ? null : BigDecimal.ZERO) : cuts.get(i - 1);
                boolean lowerInclusive = i == 0 ? !openEnds : taken.get(i - 1);
                BigDecimal upper = i == count - 1 ? (openEnds ? null : BigDecimal.valueOf(100)) : cuts.get(i);
                boolean upperInclusive = i == count - 1 ? !openEnds : !taken.get(i);
                bands.add(new Band(RISING.get(i), lower, lowerInclusive, upper, upperInclusive));
            }
            Collections.shuffle(bands, new Random(shuffle));
            return new Table(cuts, taken, List.copyOf(bands));
        }
    }
}
