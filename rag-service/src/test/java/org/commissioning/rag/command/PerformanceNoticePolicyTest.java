package org.commissioning.rag.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.rag.api.Rating.AMBER;
import static org.commissioning.rag.api.Rating.GREEN;
import static org.commissioning.rag.api.Rating.NOT_RATED;
import static org.commissioning.rag.api.Rating.RED;
import static org.commissioning.rag.api.Rating.STRETCH;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiNoticeAssessment;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.NoticeRating;
import org.commissioning.rag.api.NoticeScope;
import org.commissioning.rag.api.PerformanceNoticeDraftedEvent;
import org.commissioning.rag.api.Rating;
import org.junit.jupiter.api.Test;

class PerformanceNoticePolicyTest {

    static final String C = "5c1e9a51-3f7f-4d9b-8a10-2f0c5a4e8d1b";
    static final YearMonth FROM = YearMonth.of(2025, 4);
    static final YearMonth TO = YearMonth.of(2026, 3);
    static final NoticeScope SCOPE = new NoticeScope(true, new BigDecimal("6000000.00"), 3, null, List.of());

    @Test
    void mapsGreenAndStretchToGoodAmberToApproachingTargetAndNotRatedToOther() {
        assertThat(PerformanceNoticePolicy.of(STRETCH)).isEqualTo(NoticeRating.GOOD);
        assertThat(PerformanceNoticePolicy.of(GREEN)).isEqualTo(NoticeRating.GOOD);
        assertThat(PerformanceNoticePolicy.of(AMBER)).isEqualTo(NoticeRating.APPROACHING_TARGET);
        assertThat(PerformanceNoticePolicy.of(RED)).isEqualTo(NoticeRating.REQUIRES_IMPROVEMENT);
        assertThat(PerformanceNoticePolicy.of(NOT_RATED)).isEqualTo(NoticeRating.OTHER);
    }

    @Test
    void ratesAKpiByItsMedianBandTheLowerOfTwoMiddleOnes() {
        assertThat(rate(GREEN, GREEN, AMBER).rating()).isEqualTo(NoticeRating.GOOD);
        assertThat(rate(STRETCH, AMBER, AMBER, GREEN).rating()).as("a tie counts against the supplier")
                .isEqualTo(NoticeRating.APPROACHING_TARGET);
        assertThat(rate(GREEN, GREEN, RED, RED).rating()).isEqualTo(NoticeRating.REQUIRES_IMPROVEMENT);
        assertThat(rate(GREEN, GREEN, GREEN, RED, RED).rating()).as("two reds of five")
                .isEqualTo(NoticeRating.GOOD);
    }

    @Test
    void ratesRedInadequateOnlyWhereAtLeastThreeQuartersOfTheRatedMonthsAreRed() {
        PerformanceNoticePolicy.Outcome threeOfFour = rate(RED, RED, RED, GREEN);
        assertThat(threeOfFour.rating()).isEqualTo(NoticeRating.INADEQUATE);
        assertThat(threeOfFour.redMonths()).isEqualTo(3);
        assertThat(threeOfFour.rule()).contains("3 of 4 rated months RED").contains("at least three quarters");
        assertThat(rate(RED, RED, GREEN, AMBER, RED).rating()).as("three of five")
                .isEqualTo(NoticeRating.REQUIRES_IMPROVEMENT);
        assertThat(rate(RED, RED, RED, RED, RED, RED, RED, RED, RED, GREEN, GREEN, GREEN).rating())
                .as("nine of twelve").isEqualTo(NoticeRating.INADEQUATE);
        assertThat(rate(RED, RED, RED, RED, RED, RED, RED, RED, GREEN, GREEN, GREEN, GREEN).rating())
                .as("eight of twelve").isEqualTo(NoticeRating.REQUIRES_IMPROVEMENT);
    }

    @Test
    void ratesAKpiWithoutAValueInTheYearOtherAndCountsOnlyTheMonthsRated() {
        assertThat(rate(null, null).rating()).isEqualTo(NoticeRating.OTHER);
        assertThat(rate().rating()).isEqualTo(NoticeRating.OTHER);
        PerformanceNoticePolicy.Outcome twoRated = rate(null, AMBER, null, GREEN, null);
        assertThat(twoRated.ratedMonths()).isEqualTo(2);
        assertThat(twoRated.rating()).isEqualTo(NoticeRating.APPROACHING_TARGET);
    }

    @Test
    void ratesOverallTheWorstKpiLeavingOtherAside() {
        assertThat(PerformanceNoticePolicy.overall(List.of(NoticeRating.GOOD, NoticeRating.OTHER,
                NoticeRating.APPROACHING_TARGET))).isEqualTo(NoticeRating.APPROACHING_TARGET);
        assertThat(PerformanceNoticePolicy.overall(List.of(NoticeRating.INADEQUATE, NoticeRating.GOOD)))
                .isEqualTo(NoticeRating.INADEQUATE);
        assertThat(PerformanceNoticePolicy.overall(List.of(NoticeRating.OTHER))).isEqualTo(NoticeRating.OTHER);
        assertThat(PerformanceNoticePolicy.overall(List.of())).isEqualTo(NoticeRating.OTHER);
    }

    @Test
    void derivesEachKpiOfTheYearFromTheValueRatedPreferringTheProvidersAndTheLatestCorrection() {
        FrameworkVersion framework = Bands.framework(1, FROM);
        List<Object> events = new ArrayList<>();
        events.add(new FrameworkRecordedEvent(C, framework));
        for (int m = 0; m < 12; m++) {
            YearMonth month = FROM.plusMonths(m);
            events.add(kpi(month, Bands.TRIAGE_CODE, "PROVIDER", m < 9 ? RED : GREEN));
            events.add(kpi(month, Bands.CRISIS_CODE, "COUNCIL", RED));
            events.add(kpi(month, Bands.CRISIS_CODE, "PROVIDER", AMBER));
            events.add(new ContractRatedEvent(C, month, m < 9 ? RED : AMBER, m < 9 ? RED : AMBER, Basis.COMPUTED,
                    false, WorstHeadlineBandPolicy.VERSION, List.of(), List.of(), List.of(1), "rag-service", null,
                    List.of(), null));
        }
        events.add(kpi(FROM, Bands.CRISIS_CODE, "PROVIDER", GREEN));
        events.add(kpi(TO.plusMonths(1), Bands.TRIAGE_CODE, "PROVIDER", GREEN));

        PerformanceNoticeDraftedEvent draft = PerformanceNoticePolicy.derive(C, FROM, TO, SCOPE, events);

        assertThat(draft.policyVersion()).isEqualTo("pa2023-notice.v1");
        assertThat(draft.kpis()).extracting(KpiNoticeAssessment::kpiCode)
                .containsExactly(Bands.TRIAGE_CODE, Bands.CRISIS_CODE, Bands.REACH_CODE);
        KpiNoticeAssessment triage = draft.kpis().get(0);
        assertThat(triage.months()).hasSize(12);
        assertThat(triage.redMonths()).isEqualTo(9);
        assertThat(triage.rating()).isEqualTo(NoticeRating.INADEQUATE);
        KpiNoticeAssessment crisis = draft.kpis().get(1);
        assertThat(crisis.months().get(0).band()).as("the correction of April").isEqualTo(GREEN);
        assertThat(crisis.months().get(1).band()).as("the provider's, not the council's").isEqualTo(AMBER);
        assertThat(crisis.rating()).isEqualTo(NoticeRating.APPROACHING_TARGET);
        assertThat(draft.kpis().get(2).rating()).isEqualTo(NoticeRating.OTHER);
        assertThat(draft.overall()).isEqualTo(NoticeRating.INADEQUATE);
        assertThat(draft.periods()).hasSize(12);
        assertThat(draft.periods().get(11).noticeRating()).isEqualTo(NoticeRating.APPROACHING_TARGET);
    }

    @Test
    void takesOnlyTheKpisAndMonthsOfTheFrameworkVersionsInForceInTheYear() {
        FrameworkVersion first = new FrameworkVersion(1, FROM, List.of(Bands.kpi("A", true), Bands.kpi("B", true)));
        FrameworkVersion second = new FrameworkVersion(2, FROM.plusMonths(6), List.of(Bands.kpi("A", true),
                Bands.kpi("C", true)));
        List<Object> events = List.of(new FrameworkRecordedEvent(C, first), new FrameworkRecordedEvent(C, second),
                kpi(FROM.plusMonths(6), "B", "PROVIDER", RED));

        PerformanceNoticeDraftedEvent draft = PerformanceNoticePolicy.derive(C, FROM, TO, SCOPE, events);

        assertThat(draft.kpis()).extracting(KpiNoticeAssessment::kpiCode).containsExactly("A", "B", "C");
        assertThat(draft.kpis()).extracting(k -> k.months().size()).containsExactly(12, 6, 6);
        assertThat(draft.kpis().get(1).rating()).as("B's value of a month it was no longer in force")
                .isEqualTo(NoticeRating.OTHER);
        assertThat(PerformanceNoticePolicy.kpisInForce(events, TO)).isEqualTo(2);
        assertThat(PerformanceNoticePolicy.kpisInForce(events, FROM.minusMonths(1))).isZero();
    }

    static PerformanceNoticePolicy.Outcome rate(Rating... months) {
        return PerformanceNoticePolicy.rate(Arrays.asList(months));
    }

    static KpiRatedEvent kpi(YearMonth month, String code, String source, Rating band) {
        return new KpiRatedEvent(C, month, code, BigDecimal.ONE, null, null, source, 1, band, band.name(), true,
                false);
    }
}
