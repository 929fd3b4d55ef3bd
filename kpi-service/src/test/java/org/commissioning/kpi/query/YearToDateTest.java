package org.commissioning.kpi.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.commissioning.kpi.api.Band;
import org.commissioning.kpi.api.Direction;
import org.commissioning.kpi.api.ExpectedSource;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiTemplates;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.Rating;
import org.commissioning.kpi.api.YearToDateView;
import org.commissioning.kpi.api.YearToDateView.KpiYearToDate;
import org.commissioning.kpi.api.YearToDateView.Method;
import org.junit.jupiter.api.Test;

class YearToDateTest {

    static final String CONTRACT = "c";
    static final KpiDefinition REFERRALS = new KpiDefinition("REFERRALS", "Referrals accepted", KpiUnit.COUNT,
            Direction.HIGHER_IS_BETTER, List.of(Band.below(Rating.RED, "50"), Band.closedOpen(Rating.AMBER, "50", "100"),
            Band.from(Rating.GREEN, "100")), false, ExpectedSource.PROVIDER);
    static final KpiDefinition WAIT = new KpiDefinition("WAIT-DAYS", "Days to first appointment", KpiUnit.DAYS,
            Direction.LOWER_IS_BETTER, List.of(Band.closed(Rating.GREEN, "0", "14"), Band.closed(Rating.AMBER, "15", "28"),
            Band.above(Rating.RED, "28")), false, ExpectedSource.PROVIDER);
    static final FrameworkHistory FRAMEWORKS = new FrameworkHistory(List.of(new KpiFrameworkVersion(1,
            YearMonth.of(2018, 4), List.of(KpiTemplates.forServiceArea("EMOTIONAL_HEALTH_AND_WELLBEING").get(1),
            KpiTemplates.forServiceArea("EMOTIONAL_HEALTH_AND_WELLBEING").get(0), REFERRALS, WAIT), null)));

    @Test
    void isExactFromFractionsWhereEveryMonthHasThemAndDiffersFromTheMeanOfMonthlyPercentages() {
        // 0 of 1 in April (0%), 9 of 10 in May (90%): exactly 9 of 11 = 81.82%, not the mean 45%
        YearToDateView view = YearToDate.of(CONTRACT, 2018, List.of(
                month("2018-04", fraction("LAC-ASSESSED-2W", 0, 1), value("CALLS-TRIAGED-24H", KpiUnit.PERCENT, "66"),
                        value("REFERRALS", KpiUnit.COUNT, "40"), value("WAIT-DAYS", KpiUnit.DAYS, "10")),
                month("2018-05", fraction("LAC-ASSESSED-2W", 9, 10), value("CALLS-TRIAGED-24H", KpiUnit.PERCENT, "73"),
                        value("REFERRALS", KpiUnit.COUNT, "70"), value("WAIT-DAYS", KpiUnit.DAYS, "15"))),
                FRAMEWORKS);

        KpiYearToDate lac = kpi(view, "LAC-ASSESSED-2W");
        assertThat(lac.method()).isEqualTo(Method.EXACT_FROM_FRACTIONS);
        assertThat(lac.value()).isEqualByComparingTo("81.82");
        assertThat(lac.numerator()).isEqualTo(9L);
        assertThat(lac.denominator()).isEqualTo(11L);
        assertThat(lac.band()).isEqualTo(Rating.AMBER);
        assertThat(lac.monthsIncluded()).containsExactly(YearMonth.of(2018, 4), YearMonth.of(2018, 5));
        assertThat(lac.monthsMissing()).hasSize(10).startsWith(YearMonth.of(2018, 6)).endsWith(YearMonth.of(2019, 3));

        KpiYearToDate calls = kpi(view, "CALLS-TRIAGED-24H");
        assertThat(calls.method()).isEqualTo(Method.MEAN_OF_MONTHLY_VALUES);
        assertThat(calls.value()).isEqualByComparingTo("69.5");
        assertThat(calls.band()).isEqualTo(Rating.RED);

        assertThat(kpi(view, "REFERRALS").method()).isEqualTo(Method.SUM);
        assertThat(kpi(view, "REFERRALS").value()).isEqualByComparingTo("110");
        assertThat(kpi(view, "WAIT-DAYS").method()).isEqualTo(Method.MEAN_OF_MONTHLY_VALUES);
        assertThat(kpi(view, "WAIT-DAYS").value()).isEqualByComparingTo("12.5");
        assertThat(view.from()).isEqualTo(YearMonth.of(2018, 4));
        assertThat(view.to()).isEqualTo(YearMonth.of(2019, 3));
    }

    @Test
    void fallsBackToTheMeanWhenAnyMonthLacksAFractionAndIgnoresOtherYearsAndDistricts() {
        YearToDateView view = YearToDate.of(CONTRACT, 2018, List.of(
                month("2018-03", fraction("LAC-ASSESSED-2W", 0, 100)),
                month("2018-04", fraction("LAC-ASSESSED-2W", 0, 1),
                        new MonthlyReturnView.Value("LAC-ASSESSED-2W", "Dover", KpiUnit.PERCENT, new BigDecimal("10"),
                                null, null, Rating.RED, null, List.of(), null, null, List.of())),
                month("2019-03", value("LAC-ASSESSED-2W", KpiUnit.PERCENT, "90"))), FRAMEWORKS);

        KpiYearToDate lac = kpi(view, "LAC-ASSESSED-2W");
        assertThat(lac.method()).isEqualTo(Method.MEAN_OF_MONTHLY_VALUES);
        assertThat(lac.value()).isEqualByComparingTo("45");
        assertThat(lac.monthsIncluded()).containsExactly(YearMonth.of(2018, 4), YearMonth.of(2019, 3));
        KpiYearToDate referrals = kpi(view, "REFERRALS");
        assertThat(referrals.method()).isNull();
        assertThat(referrals.value()).isNull();
        assertThat(referrals.monthsMissing()).hasSize(12);
    }

    private static KpiYearToDate kpi(YearToDateView view, String code) {
        return view.kpis().stream().filter(k -> k.kpiCode().equals(code)).findFirst().orElseThrow();
    }

    private static MonthlyReturnView month(String period, MonthlyReturnView.Value... values) {
        return new MonthlyReturnView(CONTRACT + ":" + period, CONTRACT, period, 1, null, "nelft", null, List.of(values),
                null, false);
    }

    private static MonthlyReturnView.Value fraction(String code, long n, long d) {
        BigDecimal value = BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(d), 2, java.math.RoundingMode.HALF_UP);
        return new MonthlyReturnView.Value(code, null, KpiUnit.PERCENT, value, n, d, null, null, List.of(), null, null,
                List.of());
    }

    private static MonthlyReturnView.Value value(String code, KpiUnit unit, String value) {
        return new MonthlyReturnView.Value(code, null, unit, new BigDecimal(value), null, null, null, null, List.of(),
                null, null, List.of());
    }
}
