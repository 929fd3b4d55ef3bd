package org.commissioning.rag.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.commissioning.events.kpi.v1.BandRating;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.KpiProjection;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.Trend;
import org.junit.jupiter.api.Test;

class TrajectoriesTest {

    static final FrameworkVersion TRIAGE_ONLY = new FrameworkVersion(1, YearMonth.of(2018, 4),
            List.of(Bands.kpi(Bands.TRIAGE_CODE, true)));
    static final FrameworkVersion TWO_HEADLINES = Bands.framework(1, YearMonth.of(2018, 4));

    /**
     * Source 004's triage KPI, Apr-2018 to Feb-2019, assessed at each month from the third: months in the fit,
     * slope per month, the line at that month, the line three months on (kept within 0-100), its band and the trend
     * (the line's rating three months on against its rating now). Worked out separately from the code.
     */
    static final Object[][] TABLE = {
            {"2018-06", 3, "5.50", "77.50", "94.00", Rating.GREEN, Trend.IMPROVING},
            {"2018-07", 4, "4.90", "81.60", "96.30", Rating.STRETCH, Trend.IMPROVING},
            {"2018-08", 5, "5.60", "88.60", "100", Rating.STRETCH, Trend.IMPROVING},
            {"2018-09", 6, "4.86", "91.48", "100", Rating.STRETCH, Trend.STABLE},
            {"2018-10", 6, "4.71", "96.29", "100", Rating.STRETCH, Trend.STABLE},
            {"2018-11", 6, "4.20", "99.00", "100", Rating.STRETCH, Trend.STABLE},
            {"2018-12", 6, "3.26", "100", "100", Rating.STRETCH, Trend.STABLE},
            {"2019-01", 6, "1.20", "97.00", "100", Rating.STRETCH, Trend.STABLE},
            {"2019-02", 6, "-1.03", "90.43", "87.34", Rating.AMBER, Trend.DECLINING},
    };

    static final int[] TRIAGE_VALUES = {66, 73, 77, 81, 90, 89, 97, 97, 98, 93, 84};

    @Test
    void projectsSource004sTriageKpiMonthByMonthAsWorkedOutByHand() {
        for (Object[] row : TABLE) {
            YearMonth at = YearMonth.parse((String) row[0]);
            NavigableMap<YearMonth, Map<String, KpiInput>> rated = new TreeMap<>();
            for (int i = 0; i < TRIAGE_VALUES.length; i++) {
                YearMonth month = YearMonth.of(2018, 4).plusMonths(i);
                if (!month.isAfter(at)) {
                    rated.put(month, Map.of(Bands.TRIAGE_CODE, input(Bands.TRIAGE_CODE, TRIAGE_VALUES[i])));
                }
            }
            Rating current = rated.get(at).get(Bands.TRIAGE_CODE).band().asContractRating();

            Trajectories.Assessment assessment = Trajectories.assess(TRIAGE_ONLY, rated, current).orElseThrow();

            KpiProjection triage = assessment.projections().get(0);
            assertThat(triage.months()).as("months at %s", at).hasSize((Integer) row[1]).last().isEqualTo(at);
            assertThat(triage.slopePerMonth()).as("slope at %s", at).isEqualByComparingTo((String) row[2]);
            assertThat(triage.fittedValue()).as("line at %s", at).isEqualByComparingTo((String) row[3]);
            assertThat(triage.projectedValue()).as("projection at %s", at).isEqualByComparingTo((String) row[4]);
            assertThat(triage.projectedBand()).as("projected band at %s", at).isEqualTo(row[5]);
            assertThat(assessment.projectedRating()).isEqualTo(((Rating) row[5]).asContractRating());
            assertThat(assessment.trend()).as("trend at %s", at).isEqualTo(row[6]);
            assertThat(assessment.currentRating()).isEqualTo(current);
            assertThat(assessment.period()).isEqualTo(at);
        }
    }

    @Test
    void makesNoAssessmentFromFewerThanThreeMonths() {
        NavigableMap<YearMonth, Map<String, KpiInput>> rated = new TreeMap<>(Map.of(
                YearMonth.of(2018, 4), Map.of(Bands.TRIAGE_CODE, input(Bands.TRIAGE_CODE, 66)),
                YearMonth.of(2018, 5), Map.of(Bands.TRIAGE_CODE, input(Bands.TRIAGE_CODE, 73))));

        assertThat(Trajectories.assess(TRIAGE_ONLY, rated, Rating.RED)).isEmpty();
    }

    @Test
    void usesOnlyTheLastSixRatedMonths() {
        NavigableMap<YearMonth, Map<String, KpiInput>> rated = new TreeMap<>();
        for (int i = 0; i < 9; i++) {
            rated.put(YearMonth.of(2018, 4).plusMonths(i),
                    Map.of(Bands.TRIAGE_CODE, input(Bands.TRIAGE_CODE, i < 3 ? 10 : 92)));
        }

        Trajectories.Assessment assessment = Trajectories.assess(TRIAGE_ONLY, rated, Rating.GREEN).orElseThrow();

        assertThat(assessment.projections().get(0).months()).first().isEqualTo(YearMonth.of(2018, 7));
        assertThat(assessment.projections().get(0).slopePerMonth()).isEqualByComparingTo("0");
        assertThat(assessment.trend()).isEqualTo(Trend.STABLE);
    }

    @Test
    void aMonthWithoutARatingIsAGapInTheLineNotASkippedStep() {
        NavigableMap<YearMonth, Map<String, KpiInput>> rated = new TreeMap<>(Map.of(
                YearMonth.of(2018, 4), Map.of(Bands.TRIAGE_CODE, input(Bands.TRIAGE_CODE, 80)),
                YearMonth.of(2018, 5), Map.of(Bands.TRIAGE_CODE, input(Bands.TRIAGE_CODE, 81)),
                YearMonth.of(2018, 8), Map.of(Bands.TRIAGE_CODE, input(Bands.TRIAGE_CODE, 84))));

        KpiProjection projection = Trajectories.assess(TRIAGE_ONLY, rated, Rating.RED).orElseThrow()
                .projections().get(0);

        assertThat(projection.slopePerMonth()).isEqualByComparingTo("1.00");
        assertThat(projection.projectedValue()).isEqualByComparingTo("87.00");
        assertThat(projection.projectedBand()).isEqualTo(Rating.AMBER);
    }

    @Test
    void theProjectedRatingIsTheWorstProjectedHeadlineBand() {
        NavigableMap<YearMonth, Map<String, KpiInput>> rated = new TreeMap<>();
        int[] triage = {90, 93, 96};
        int[] crisis = {95, 91, 87};
        for (int i = 0; i < 3; i++) {
            rated.put(YearMonth.of(2018, 4).plusMonths(i), Map.of(
                    Bands.TRIAGE_CODE, input(Bands.TRIAGE_CODE, triage[i]),
                    Bands.CRISIS_CODE, input(Bands.CRISIS_CODE, crisis[i])));
        }

        Trajectories.Assessment assessment = Trajectories.assess(TWO_HEADLINES, rated, Rating.AMBER).orElseThrow();

        assertThat(assessment.projections()).extracting(KpiProjection::projectedBand)
                .containsExactly(Rating.STRETCH, Rating.RED);
        assertThat(assessment.projectedRating()).isEqualTo(Rating.RED);
        assertThat(assessment.trend()).isEqualTo(Trend.DECLINING);
    }

    @Test
    void makesNoAssessmentWhenAHeadlineHasNoValueInTheLatestMonth() {
        NavigableMap<YearMonth, Map<String, KpiInput>> rated = new TreeMap<>();
        for (int i = 0; i < 3; i++) {
            rated.put(YearMonth.of(2018, 4).plusMonths(i), Map.of(Bands.TRIAGE_CODE, input(Bands.TRIAGE_CODE, 90)));
        }
        rated.put(YearMonth.of(2018, 7), Map.of(Bands.CRISIS_CODE, input(Bands.CRISIS_CODE, 90)));

        assertThat(Trajectories.assess(TWO_HEADLINES, rated, Rating.GREEN)).isEmpty();
    }

    @Test
    void keepsAProjectionWithinTheBandTablesRange() {
        assertThat(Trajectories.clamp(Bands.TRIAGE, new BigDecimal("-12.5"))).isEqualByComparingTo("0");
        assertThat(Trajectories.clamp(Bands.TRIAGE, new BigDecimal("112"))).isEqualByComparingTo("100");
        assertThat(Trajectories.clamp(Bands.TRIAGE, new BigDecimal("42.17"))).isEqualByComparingTo("42.17");
    }

    static KpiInput input(String code, int value) {
        BigDecimal v = BigDecimal.valueOf(value);
        return new KpiInput(code, v, null, null, "PROVIDER", 1, BandRating.bandOf(Bands.TRIAGE, v).rating(), false);
    }
}
