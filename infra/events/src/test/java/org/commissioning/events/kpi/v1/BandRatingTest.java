package org.commissioning.events.kpi.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandRatingTest {

    /**
     * 004's triage KPI with its printed bands made unambiguous: Red [0,85), Amber [85,90), Green [90,95],
     * Stretch (95,100].
     */
    static final List<Band> TRIAGE = List.of(
            new Band("RED", new BigDecimal("0"), true, new BigDecimal("85"), false),
            new Band("AMBER", new BigDecimal("85"), true, new BigDecimal("90"), false),
            new Band("GREEN", new BigDecimal("90"), true, new BigDecimal("95"), true),
            new Band("STRETCH", new BigDecimal("95"), false, new BigDecimal("100"), true));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // RED [0, 85)
            "0, RED", "0.01, RED", "84.99, RED", "84.999999, RED",
            // AMBER [85, 90)
            "85, AMBER", "85.00, AMBER", "89.99, AMBER",
            // GREEN [90, 95]
            "90, GREEN", "92.5, GREEN", "95, GREEN", "95.00, GREEN",
            // STRETCH (95, 100]
            "95.01, STRETCH", "95.000001, STRETCH", "100, STRETCH"})
    void ratesEachBandUpToAndIncludingItsBoundaries(String value, String expected) {
        assertThat(BandRating.bandOf(TRIAGE, new BigDecimal(value)).rating()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @CsvSource({
            "17, 20, AMBER",    // exactly 85
            "169, 200, RED",    // 84.5
            "18, 20, GREEN",    // exactly 90
            "19, 20, GREEN",    // exactly 95: the top of GREEN
            "1901, 2000, STRETCH", // 95.05
            "20, 20, STRETCH"})
    void ratesAFractionAtAndAroundTheBoundaries(long numerator, long denominator, String expected) {
        BigDecimal rounded = BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 2,
                RoundingMode.HALF_UP);
        assertThat(BandRating.bandOfFigure(TRIAGE, rounded, numerator, denominator).rating()).isEqualTo(expected);
        assertThat(BandRating.bandOfPercentage(TRIAGE, numerator, denominator).rating()).isEqualTo(expected);
    }

    @Test
    void usesTheFractionWhereItsRoundedValueWouldCrossABoundary() {
        // 8499999/10000000 (84.99999%) rounds to 85.00 (AMBER); 9500001/10000000 (95.00001%) rounds to 95.00 (GREEN)
        assertThat(BandRating.bandOfFigure(TRIAGE, new BigDecimal("85.00"), 8_499_999L, 10_000_000L).rating())
                .isEqualTo("RED");
        assertThat(BandRating.bandOfFigure(TRIAGE, new BigDecimal("95.00"), 9_500_001L, 10_000_000L).rating())
                .isEqualTo("STRETCH");
        assertThat(BandRating.bandOfFigure(TRIAGE, new BigDecimal("85.00"), 17L, 20L).rating()).isEqualTo("AMBER");
    }

    @Test
    void neverRatesTwoThirdsAsIfItWereRounded() {
        List<Band> atTwoThirds = List.of(
                new Band("RED", null, false, new BigDecimal("66.67"), false),
                new Band("GREEN", new BigDecimal("66.67"), true, null, false));

        assertThat(BandRating.bandOfPercentage(atTwoThirds, 2, 3).rating()).isEqualTo("RED");
        assertThat(BandRating.bandOf(atTwoThirds, new BigDecimal("66.67")).rating()).isEqualTo("GREEN");
        assertThat(BandRating.bandOf(atTwoThirds, new BigDecimal(200), new BigDecimal(3)).rating()).isEqualTo("RED");
    }

    @Test
    void ratesTheValueOfAFigureWithoutAFraction() {
        assertThat(BandRating.bandOfFigure(TRIAGE, new BigDecimal("84.99"), null, null).rating()).isEqualTo("RED");
        assertThat(BandRating.bandOfFigure(TRIAGE, new BigDecimal("85"), 1L, null).rating()).isEqualTo("AMBER");
        assertThat(BandRating.bandOfFigure(TRIAGE, new BigDecimal("85"), 0L, 0L).rating()).isEqualTo("AMBER");
    }

    @Test
    void ratesAFractionWithANegativeDenominatorByItsValue() {
        assertThat(BandRating.bandOf(TRIAGE, new BigDecimal(-1700), new BigDecimal(-20)).rating()).isEqualTo("AMBER");
        assertThat(BandRating.bandOf(TRIAGE, new BigDecimal(-1699), new BigDecimal(-20)).rating()).isEqualTo("RED");
    }

    @Test
    void ratesOpenEndedBands() {
        List<Band> days = List.of(
                new Band("GREEN", null, false, new BigDecimal("14"), true),
                new Band("AMBER", new BigDecimal("14"), false, new BigDecimal("28"), true),
                new Band("RED", new BigDecimal("28"), false, null, false));
        assertThat(BandRating.bandOf(days, new BigDecimal("14")).rating()).isEqualTo("GREEN");
        assertThat(BandRating.bandOf(days, new BigDecimal("15")).rating()).isEqualTo("AMBER");
        assertThat(BandRating.bandOf(days, new BigDecimal("28")).rating()).isEqualTo("AMBER");
        assertThat(BandRating.bandOf(days, new BigDecimal("29")).rating()).isEqualTo("RED");
        assertThat(BandRating.bandOf(days, new BigDecimal("1000000")).rating()).isEqualTo("RED");
        assertThat(BandRating.bandOf(days, new BigDecimal("-1000000")).rating()).isEqualTo("GREEN");
    }

    @Test
    void refusesAValueTheTableLeavesUnratedOrRatesTwice() {
        // the printed 004 table: GREEN 90-94, STRETCH >95 leaves 95 (and 94.5) unrated
        List<Band> printed = List.of(
                new Band("GREEN", new BigDecimal("90"), true, new BigDecimal("94"), true),
                new Band("STRETCH", new BigDecimal("95"), false, null, false));
        assertThatThrownBy(() -> BandRating.bandOf(printed, new BigDecimal("95")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 bands");
        assertThatThrownBy(() -> BandRating.bandOfPercentage(printed, 189, 200))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("18900/200 by 0 bands");
        List<Band> overlapping = List.of(
                new Band("RED", new BigDecimal("80"), true, new BigDecimal("85"), true),
                new Band("AMBER", new BigDecimal("85"), true, new BigDecimal("90"), true));
        assertThatThrownBy(() -> BandRating.bandOf(overlapping, new BigDecimal("85")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 bands");
    }

    @Test
    void refusesNothingToRate() {
        assertThatThrownBy(() -> BandRating.bandOf(TRIAGE, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BandRating.bandOfPercentage(TRIAGE, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a fraction");
    }
}
