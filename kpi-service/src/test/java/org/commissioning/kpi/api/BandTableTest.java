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

class BandTableTest {

    @Test
    void refusesBandsThatRiseTheWrongWayForTheDirection() {
        List<Band> higherIsBetter = List.of(Band.below(RED, "50"), Band.closedOpen(AMBER, "50", "80"),
                Band.from(GREEN, "80"));

        assertThatThrownBy(() -> BandTable.of(KpiUnit.COUNT, Direction.LOWER_IS_BETTER, higherIsBetter))
                .hasFieldOrPropertyWithValue("rule", "band-order")
                .hasMessageContaining("must rise GREEN, AMBER, RED").hasMessageContaining("these rise RED, AMBER, GREEN");
        assertThat(BandTable.of(KpiUnit.COUNT, Direction.HIGHER_IS_BETTER, higherIsBetter).rate(BigDecimal.TEN))
                .isEqualTo(RED);
    }

    @Test
    void ratesALowerIsBetterKpiInDays() {
        BandTable waiting = BandTable.of(KpiUnit.DAYS, Direction.LOWER_IS_BETTER, List.of(
                Band.upTo(GREEN, "14"), Band.closed(AMBER, "15", "28"), Band.above(RED, "28")));

        assertThat(waiting.rate(new BigDecimal("0"))).isEqualTo(GREEN);
        assertThat(waiting.rate(new BigDecimal("14"))).isEqualTo(GREEN);
        assertThat(waiting.rate(new BigDecimal("15"))).isEqualTo(AMBER);
        assertThat(waiting.rate(new BigDecimal("28"))).isEqualTo(AMBER);
        assertThat(waiting.rate(new BigDecimal("29"))).isEqualTo(RED);
        assertThat(waiting.rate(new BigDecimal("100000"))).isEqualTo(RED);
    }

    @Test
    void refusesAMissingRatingAndARatingGivenTwice() {
        assertThatThrownBy(() -> BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
                List.of(Band.below(RED, "50"), Band.from(GREEN, "50"))))
                .hasFieldOrPropertyWithValue("rule", "band-missing").hasMessageContaining("missing AMBER");
        assertThatThrownBy(() -> BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
                List.of(Band.below(RED, "50"), Band.closedOpen(AMBER, "50", "60"), Band.closedOpen(GREEN, "60", "70"),
                        Band.from(GREEN, "70"))))
                .hasFieldOrPropertyWithValue("rule", "band-duplicate").hasMessageContaining("GREEN");
    }

    @Test
    void refusesABoundOutsideTheUnitsRange() {
        assertThatThrownBy(() -> BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
                List.of(Band.below(RED, "50"), Band.closedOpen(AMBER, "50", "90"), Band.closed(GREEN, "90", "120"))))
                .hasFieldOrPropertyWithValue("rule", "band-out-of-range").hasMessageContaining("120");
        assertThatThrownBy(() -> BandTable.of(KpiUnit.MONEY, Direction.HIGHER_IS_BETTER,
                List.of(Band.closedOpen(RED, "-5", "50"), Band.closedOpen(AMBER, "50", "90"), Band.from(GREEN, "90"))))
                .hasFieldOrPropertyWithValue("rule", "band-out-of-range").hasMessageContaining("-5");
    }

    @Test
    void refusesABandThatRatesNoValue() {
        assertThatThrownBy(() -> BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, List.of(
                Band.below(RED, "85"), Band.closedOpen(AMBER, "85", "90"), Band.closed(GREEN, "90", "100"),
                Band.above(STRETCH, "100"))))
                .hasFieldOrPropertyWithValue("rule", "band-empty").hasMessage("STRETCH (100, ..) rates no PERCENT value");
        assertThatThrownBy(() -> BandTable.of(KpiUnit.COUNT, Direction.HIGHER_IS_BETTER, List.of(
                Band.below(RED, "5"), Band.openClosed(AMBER, "5", "5.5"), Band.from(GREEN, "5.5"))))
                .hasFieldOrPropertyWithValue("rule", "band-empty");
    }

    @Test
    void namesGapsAtEitherEndOfTheRange() {
        assertThatThrownBy(() -> BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, List.of(
                Band.closedOpen(RED, "10", "50"), Band.closedOpen(AMBER, "50", "90"), Band.closedOpen(GREEN, "90", "100"))))
                .hasFieldOrPropertyWithValue("rule", "band-gap")
                .hasMessage("values in [0, 10) are not rated; 100 is not rated");
        assertThatThrownBy(() -> BandTable.of(KpiUnit.COUNT, Direction.HIGHER_IS_BETTER, List.of(
                Band.below(RED, "50"), Band.closed(AMBER, "50", "89"), Band.closed(GREEN, "90", "200"))))
                .hasFieldOrPropertyWithValue("rule", "band-gap")
                .hasMessage("values from 201 up are not rated");
    }

    @Test
    void namesTheWholeNumbersACountTableLeavesUnratedOrRatesTwice() {
        assertThatThrownBy(() -> BandTable.of(KpiUnit.COUNT, Direction.HIGHER_IS_BETTER, List.of(
                Band.below(RED, "50"), Band.closed(AMBER, "50", "87"), Band.from(GREEN, "90"))))
                .hasFieldOrPropertyWithValue("rule", "band-gap")
                .hasMessage("values in [88, 89] are not rated");
        assertThatThrownBy(() -> BandTable.of(KpiUnit.COUNT, Direction.HIGHER_IS_BETTER, List.of(
                Band.upTo(RED, "50"), Band.closed(AMBER, "50", "92"), Band.from(GREEN, "90"))))
                .hasFieldOrPropertyWithValue("rule", "band-overlap")
                .hasMessage("50 is rated both RED and AMBER; values in [90, 92] are rated both AMBER and GREEN");
    }

    @Test
    void ratesMoneyInPenceAndRefusesFractionsOfAPenny() {
        BandTable spend = BandTable.of(KpiUnit.MONEY, Direction.LOWER_IS_BETTER, List.of(
                Band.closed(GREEN, "0", "999.99"), Band.closed(AMBER, "1000", "1499.99"), Band.from(RED, "1500")));

        assertThat(spend.rate(new BigDecimal("999.99"))).isEqualTo(GREEN);
        assertThat(spend.rate(new BigDecimal("1000.00"))).isEqualTo(AMBER);
        assertThat(spend.rate(new BigDecimal("1500"))).isEqualTo(RED);
        assertThatThrownBy(() -> spend.rate(new BigDecimal("999.995"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spend.rate(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsAGapBeforeAnOverlapAndNamesBoth() {
        assertThatThrownBy(() -> BandTable.of(KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, List.of(
                Band.below(RED, "80"), Band.closed(AMBER, "80", "85"), Band.closed(GREEN, "85", "90"),
                Band.from(STRETCH, "95"))))
                .isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("rule", "band-gap")
                .hasMessage("values in (90, 95) are not rated; 85 is rated both AMBER and GREEN");
    }
}
