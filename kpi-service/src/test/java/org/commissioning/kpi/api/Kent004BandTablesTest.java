package org.commissioning.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commissioning.kpi.api.Rating.AMBER;
import static org.commissioning.kpi.api.Rating.GREEN;
import static org.commissioning.kpi.api.Rating.RED;
import static org.commissioning.kpi.api.Rating.STRETCH;

import java.math.BigDecimal;
import java.util.List;

import org.commissioning.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two band tables of source 004 (Figure 2): refused as printed, naming the values they leave unrated or rate
 * twice, and accepted as corrected in {@link KpiTemplates}.
 */
class Kent004BandTablesTest {

    /** "Stretch >95%, Green 90-94%, Amber 85-89%, Red <85%", as printed. */
    static final List<Band> PRINTED_95 = List.of(
            Band.above(STRETCH, "95"),
            Band.closed(GREEN, "90", "94"),
            Band.closed(AMBER, "85", "89"),
            Band.below(RED, "85"));

    /** "Stretch >90%, Green 85-90%, Amber 80-85%, Red <80%", as printed. */
    static final List<Band> PRINTED_90 = List.of(
            Band.above(STRETCH, "90"),
            Band.closed(GREEN, "85", "90"),
            Band.closed(AMBER, "80", "85"),
            Band.below(RED, "80"));

    @Test
    void refusesThePrintedNinetyFiveTableNamingTheValuesItLeavesUnrated() {
        assertThatThrownBy(() -> BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, PRINTED_95))
                .isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("rule", "band-gap")
                .hasMessage("values in (89, 90) are not rated; values in (94, 95] are not rated");
    }

    @Test
    void refusesThePrintedNinetyTableNamingTheValueItRatesTwice() {
        assertThatThrownBy(() -> BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, PRINTED_90))
                .isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("rule", "band-overlap")
                .hasMessage("85 is rated both GREEN and AMBER");
    }

    @Test
    void acceptsTheSamePrintedRangesForCountsWhereNoWholeNumberFallsBetweenThem() {
        BandTable counts = BandTable.of(KpiUnit.COUNT, Direction.HIGHER_IS_BETTER, List.of(
                Band.from(STRETCH, "96"), Band.closed(GREEN, "90", "95"), Band.closed(AMBER, "85", "89"),
                Band.below(RED, "85")));

        assertThat(counts.rate(new BigDecimal("89"))).isEqualTo(AMBER);
        assertThat(counts.rate(new BigDecimal("90"))).isEqualTo(GREEN);
    }

    @ParameterizedTest(name = "{0}% is {1}")
    @CsvSource({
            "0, RED", "66, RED", "84.99, RED",
            "85, AMBER", "89, AMBER", "89.99, AMBER",
            "90, GREEN", "94, GREEN", "94.5, GREEN", "95, GREEN",
            "95.01, STRETCH", "97, STRETCH", "100, STRETCH"})
    void ratesEveryBoundaryOfTheCorrectedNinetyFiveTable(String value, Rating expected) {
        BandTable corrected = BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, KpiTemplates.NINETY_FIVE_STRETCH);

        assertThat(corrected.rate(new BigDecimal(value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}% is {1}")
    @CsvSource({
            "0, RED", "46, RED", "79.99, RED",
            "80, AMBER", "84.99, AMBER",
            "85, GREEN", "89.99, GREEN", "90, GREEN",
            "90.01, STRETCH", "100, STRETCH"})
    void ratesEveryBoundaryOfTheCorrectedNinetyTable(String value, Rating expected) {
        BandTable corrected = BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, KpiTemplates.NINETY_STRETCH);

        assertThat(corrected.rate(new BigDecimal(value))).isEqualTo(expected);
    }

    @Test
    void ratesTheMonthlyCallTriageFiguresOf2018AsPrinted() {
        BandTable corrected = BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, KpiTemplates.NINETY_FIVE_STRETCH);
        List<Integer> aprilToFebruary = List.of(66, 73, 77, 81, 90, 89, 97, 97, 98, 93, 84);

        assertThat(aprilToFebruary.stream().map(v -> corrected.rate(BigDecimal.valueOf(v))).toList())
                .containsExactly(RED, RED, RED, RED, GREEN, AMBER, STRETCH, STRETCH, STRETCH, GREEN, RED);
    }

    @Test
    void ratesAPercentageGivenAsAFractionOnItsExactValue() {
        BandTable corrected = BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, KpiTemplates.NINETY_FIVE_STRETCH);

        // 1799/1895 = 94.9340...% and 18999/19999 = 94.9997...%: Green, though the latter rounds to 95.00
        assertThat(corrected.ratePercentage(1799, 1895)).isEqualTo(GREEN);
        assertThat(corrected.ratePercentage(18999, 19999)).isEqualTo(GREEN);
        // 89999/100000 = 89.999%: Amber, though it rounds to 90.00
        assertThat(corrected.ratePercentage(89999, 100000)).isEqualTo(AMBER);
        assertThat(corrected.ratePercentage(9, 10)).isEqualTo(GREEN);
        assertThat(corrected.ratePercentage(19, 20)).isEqualTo(GREEN);
        assertThat(corrected.ratePercentage(191, 200)).isEqualTo(STRETCH);
    }

    @Test
    void keepsTheCorrectedBandsInRisingOrder() {
        BandTable corrected = BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
                List.of(KpiTemplates.NINETY_FIVE_STRETCH.get(3), KpiTemplates.NINETY_FIVE_STRETCH.get(1),
                        KpiTemplates.NINETY_FIVE_STRETCH.get(0), KpiTemplates.NINETY_FIVE_STRETCH.get(2)));

        assertThat(corrected.bands()).extracting(Band::rating).containsExactly(RED, AMBER, GREEN, STRETCH);
    }
}
