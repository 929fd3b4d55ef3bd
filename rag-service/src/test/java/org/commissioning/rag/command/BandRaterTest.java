package org.commissioning.rag.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.commissioning.rag.api.BandSpec;
import org.commissioning.rag.api.Rating;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandRaterTest {

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
    void ratesEachBandUpToAndIncludingItsBoundaries(String value, Rating expected) {
        assertThat(BandRater.rate(Bands.TRIAGE, new BigDecimal(value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @CsvSource({
            "17, 20, AMBER",    // exactly 85
            "169, 200, RED",    // 84.5
            "18, 20, GREEN",    // exactly 90
            "19, 20, GREEN",    // exactly 95: the top of GREEN
            "1901, 2000, STRETCH", // 95.05
            "20, 20, STRETCH"})
    void ratesAFractionAtAndAroundTheBoundaries(long numerator, long denominator, Rating expected) {
        BigDecimal rounded = BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 2,
                java.math.RoundingMode.HALF_UP);
        assertThat(BandRater.rate(Bands.TRIAGE, rounded, numerator, denominator)).isEqualTo(expected);
    }

    @Test
    void usesTheFractionWhereItsRoundedValueWouldCrossABoundary() {
        // 94.99999... % rounds to 95.00 (GREEN either way); 8499999/100000 % (84.99999) rounds to 85.00 (AMBER)
        assertThat(BandRater.rate(Bands.TRIAGE, new BigDecimal("85.00"), 8_499_999L, 10_000_000L))
                .isEqualTo(Rating.RED);
        assertThat(BandRater.rate(Bands.TRIAGE, new BigDecimal("95.00"), 9_500_001L, 10_000_000L))
                .isEqualTo(Rating.STRETCH);
        assertThat(BandRater.rate(Bands.TRIAGE, new BigDecimal("85.00"), 17L, 20L)).isEqualTo(Rating.AMBER);
    }

    @Test
    void ratesOpenEndedBands() {
        List<BandSpec> days = List.of(
                new BandSpec(Rating.GREEN, null, false, new BigDecimal("14"), true),
                new BandSpec(Rating.AMBER, new BigDecimal("14"), false, new BigDecimal("28"), true),
                new BandSpec(Rating.RED, new BigDecimal("28"), false, null, false));
        assertThat(BandRater.rate(days, new BigDecimal("14"))).isEqualTo(Rating.GREEN);
        assertThat(BandRater.rate(days, new BigDecimal("15"))).isEqualTo(Rating.AMBER);
        assertThat(BandRater.rate(days, new BigDecimal("28"))).isEqualTo(Rating.AMBER);
        assertThat(BandRater.rate(days, new BigDecimal("29"))).isEqualTo(Rating.RED);
        assertThat(BandRater.rate(days, new BigDecimal("1000000"))).isEqualTo(Rating.RED);
    }

    @Test
    void refusesAValueTheTableLeavesUnratedOrRatesTwice() {
        // the printed 004 table: GREEN 90-94, STRETCH >95 leaves 95 (and 94.5) unrated
        List<BandSpec> printed = List.of(
                BandSpec.closed(Rating.GREEN, "90", "94"),
                new BandSpec(Rating.STRETCH, new BigDecimal("95"), false, null, false));
        assertThatThrownBy(() -> BandRater.rate(printed, new BigDecimal("95")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 bands");
        List<BandSpec> overlapping = List.of(BandSpec.closed(Rating.RED, "80", "85"),
                BandSpec.closed(Rating.AMBER, "85", "90"));
        assertThatThrownBy(() -> BandRater.rate(overlapping, new BigDecimal("85")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 bands");
    }
}
