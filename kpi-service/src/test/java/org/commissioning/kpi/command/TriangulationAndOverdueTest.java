package org.commissioning.kpi.command;

import static org.commissioning.kpi.command.ReturnFixtures.*;
import static org.commissioning.kpi.command.RuleMatchers.conflicts;
import static org.commissioning.kpi.command.RuleMatchers.violates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.kpi.api.CorrectKpiValueCommand;
import org.commissioning.kpi.api.CouncilKpiValueRecordedEvent;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiDiscrepancyFlaggedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyResolvedEvent;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiTemplates;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.Rating;
import org.commissioning.kpi.api.RecordCouncilFiguresCommand;
import org.commissioning.kpi.api.RecordReturnOverdueCommand;
import org.commissioning.kpi.api.ResolveKpiDiscrepancyCommand;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.kpi.api.SubmitMonthlyReturnCommand;
import org.commissioning.kpi.api.SubmittedValue;
import org.junit.jupiter.api.Test;

/**
 * The council's own figures, their triangulation with the provider's (LAC-ASSESSED-2W is expected from BOTH, here
 * with a tolerance of 5 percentage points) and overdue returns. "Today" is 15 March 2019.
 */
class TriangulationAndOverdueTest {

    static final FrameworkHistory FRAMEWORKS = new FrameworkHistory(List.of(new KpiFrameworkVersion(1,
            YearMonth.of(2018, 4), withLacTolerance("5"), "EMOTIONAL_HEALTH_AND_WELLBEING")));

    final AggregateTestFixture<MonthlyReturn> fixture = ReturnFixtures.monthlyReturn();

    @Test
    void flagsWhenTheCouncilsFigureComesSecondAndDiffersBeyondTolerance() {
        fixture.given(submitted(), provider(LAC, "100"))
                .when(council(SubmittedValue.total(LAC, "50")))
                .expectEvents(councilValue(LAC, null, "50", Rating.RED),
                        flag(LAC, "100", "50", "50"));
    }

    @Test
    void flagsWhenTheProvidersReturnComesSecond() {
        fixture.given(councilValue(LAC, null, "50", Rating.RED))
                .when(submit(SubmittedValue.total(LAC, "100")))
                .expectEvents(new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, null, "nelft"),
                        provider(LAC, "100"), flag(LAC, "100", "50", "50"));
    }

    @Test
    void acceptsFiguresWithinToleranceWithoutAFlag() {
        fixture.given(submitted(), provider(LAC, "100"))
                .when(council(SubmittedValue.total(LAC, "95")))
                .expectEvents(councilValue(LAC, null, "95", Rating.STRETCH));
    }

    @Test
    void flagsAnyDifferenceWhereTheKpiStatesNoTolerance() {
        FrameworkHistory exact = new FrameworkHistory(List.of(new KpiFrameworkVersion(1, YearMonth.of(2018, 4),
                withLacTolerance(null), null)));
        fixture.given(submitted(), provider(LAC, "100"))
                .when(new RecordCouncilFiguresCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(SubmittedValue.total(LAC,
                        "99.99")), "officer.jones", SOUTH, exact))
                .expectEvents(councilValue(LAC, null, "99.99", Rating.STRETCH),
                        new KpiDiscrepancyFlaggedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, LAC, null, new BigDecimal("100"),
                                new BigDecimal("99.99"), new BigDecimal("0.01"), BigDecimal.ZERO, NOW));
    }

    @Test
    void flagsAgainWhenACorrectionMakesResolvedFiguresDiffer() {
        fixture.given(submitted(), provider(LAC, "100"), councilValue(LAC, null, "50", Rating.RED),
                        flag(LAC, "100", "50", "50"), resolved())
                .when(correct("60"))
                .expectEvents(corrected("60", "100", Rating.RED), flag(LAC, "60", "50", "10"));
    }

    @Test
    void resolvesNothingWhenACorrectionBringsTheFiguresWithinTolerance() {
        fixture.given(submitted(), provider(LAC, "100"), councilValue(LAC, null, "50", Rating.RED),
                        flag(LAC, "100", "50", "50"))
                .when(correct("52"))
                .expectEvents(corrected("52", "100", Rating.RED));
        // still open: an officer's resolution is what validates it
        fixture.given(submitted(), provider(LAC, "100"), councilValue(LAC, null, "50", Rating.RED),
                        flag(LAC, "100", "50", "50"), corrected("52", "100", Rating.RED))
                .when(resolve("Provider recount agreed"))
                .expectEvents(new KpiDiscrepancyResolvedEvent(RETURN, CONTRACT, OCTOBER_2018, LAC, null,
                        new BigDecimal("52"), new BigDecimal("50"), "Provider recount agreed", "officer.jones", NOW));
    }

    @Test
    void resolvesAnOpenDiscrepancyWithANote() {
        fixture.given(submitted(), provider(LAC, "100"), councilValue(LAC, null, "50", Rating.RED),
                        flag(LAC, "100", "50", "50"))
                .when(resolve("  NELFT counted children placed by other authorities  "))
                .expectEvents(resolved());
    }

    @Test
    void refusesAResolutionWithoutNoteActorOrOpenDiscrepancy() {
        fixture.given(submitted(), provider(LAC, "100"), councilValue(LAC, null, "50", Rating.RED),
                        flag(LAC, "100", "50", "50"))
                .when(resolve(" "))
                .expectException(violates("note-required", "note"));
        fixture.given(submitted(), provider(LAC, "100"), councilValue(LAC, null, "50", Rating.RED),
                        flag(LAC, "100", "50", "50"))
                .when(new ResolveKpiDiscrepancyCommand(RETURN, LAC, null, "ok", null))
                .expectException(violates("actor-required", "resolvedBy"));
        fixture.given(submitted(), provider(LAC, "100"), councilValue(LAC, null, "50", Rating.RED),
                        flag(LAC, "100", "50", "50"), resolved())
                .when(resolve("again"))
                .expectException(conflicts("discrepancy-not-open", "NO_OPEN_DISCREPANCY"));
        fixture.given(submitted(), provider(LAC, "100"))
                .when(new ResolveKpiDiscrepancyCommand(RETURN, CALLS, "Dover", "ok", "officer.jones"))
                .expectException(violates("value-not-in-return", "kpiCode"));
    }

    @Test
    void refusesCouncilFiguresForProviderOnlyKpisTwiceRecordedOrWithoutActor() {
        fixture.givenNoPriorActivity()
                .when(council(SubmittedValue.total(CALLS, "90")))
                .expectException(violates("kpi-not-council-sourced", "values[0].kpiCode"));
        fixture.given(councilValue(LAC, null, "50", Rating.RED))
                .when(council(SubmittedValue.total(LAC, "51")))
                .expectException(conflicts("council-figure-already-recorded", "RECORDED"));
        fixture.givenNoPriorActivity()
                .when(new RecordCouncilFiguresCommand(RETURN, CONTRACT, OCTOBER_2018,
                        List.of(SubmittedValue.total(LAC, "50")), null, SOUTH, FRAMEWORKS))
                .expectException(violates("actor-required", "recordedBy"));
        fixture.givenNoPriorActivity()
                .when(council(SubmittedValue.inDistrict(LAC, "Thanet", "50")))
                .expectException(violates("district-outside-lot", "values[0].district"));
        fixture.givenNoPriorActivity()
                .when(council())
                .expectException(violates("values-required", "values"));
    }

    @Test
    void refusesCouncilFiguresForAFuturePeriod() {
        fixture.givenNoPriorActivity()
                .when(new RecordCouncilFiguresCommand(MonthlyReturnId.of(CONTRACT, YearMonth.of(2019, 4)), CONTRACT,
                        YearMonth.of(2019, 4), List.of(SubmittedValue.total(LAC, "50")), "officer.jones", SOUTH,
                        FRAMEWORKS))
                .expectException(violates("period-in-future", "period"));
    }

    @Test
    void keepsAcceptingTheProvidersReturnAfterCouncilFigures() {
        fixture.given(councilValue(LAC, null, "50", Rating.RED))
                .when(submit(SubmittedValue.total(CALLS, "97")))
                .expectEvents(new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, null, "nelft"),
                        new KpiValueSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, CALLS, null, KpiUnit.PERCENT,
                                new BigDecimal("97"), null, null, Rating.STRETCH));
        fixture.given(councilValue(LAC, null, "50", Rating.RED), submitted(), provider(LAC, "50"))
                .when(submit(SubmittedValue.total(CALLS, "97")))
                .expectException(conflicts("return-already-submitted", "SUBMITTED"));
    }

    @Test
    void recordsAReturnOverdueOnceAndNotOnceReceived() {
        LocalDate due = LocalDate.of(2018, 11, 15);
        fixture.givenNoPriorActivity()
                .when(new RecordReturnOverdueCommand(RETURN, CONTRACT, OCTOBER_2018, due))
                .expectEvents(new ReturnOverdueEvent(RETURN, CONTRACT, OCTOBER_2018, due, NOW));
        fixture.given(new ReturnOverdueEvent(RETURN, CONTRACT, OCTOBER_2018, due, NOW))
                .when(new RecordReturnOverdueCommand(RETURN, CONTRACT, OCTOBER_2018, due))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(submitted(), provider(LAC, "100"))
                .when(new RecordReturnOverdueCommand(RETURN, CONTRACT, OCTOBER_2018, due))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // a late return is still accepted
        fixture.given(new ReturnOverdueEvent(RETURN, CONTRACT, OCTOBER_2018, due, NOW))
                .when(submit(SubmittedValue.total(CALLS, "97")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesToRecordAReturnOverdueBeforeItsDueDateHasPassed() {
        YearMonth february = YearMonth.of(2019, 2);
        fixture.givenNoPriorActivity()
                .when(new RecordReturnOverdueCommand(MonthlyReturnId.of(CONTRACT, february), CONTRACT, february,
                        LocalDate.of(2019, 3, 15)))
                .expectException(violates("return-not-yet-overdue", "dueDate"));
    }

    private static List<KpiDefinition> withLacTolerance(String tolerance) {
        List<KpiDefinition> kpis = new ArrayList<>();
        for (KpiDefinition k : KpiTemplates.forServiceArea("EMOTIONAL_HEALTH_AND_WELLBEING")) {
            kpis.add(k.code().equals(LAC) ? new KpiDefinition(k.code(), k.name(), k.unit(), k.direction(), k.bands(),
                    k.headline(), k.expectedSource(), tolerance == null ? null : new BigDecimal(tolerance)) : k);
        }
        return kpis;
    }

    private static SubmitMonthlyReturnCommand submit(SubmittedValue... values) {
        return new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(values), null, "nelft", SOUTH,
                FRAMEWORKS);
    }

    private static RecordCouncilFiguresCommand council(SubmittedValue... values) {
        return new RecordCouncilFiguresCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(values), "officer.jones", SOUTH,
                FRAMEWORKS);
    }

    private static CorrectKpiValueCommand correct(String value) {
        return new CorrectKpiValueCommand(RETURN, LAC, null, new BigDecimal(value), null, null, "Recounted",
                "officer.jones", FRAMEWORKS);
    }

    private static ResolveKpiDiscrepancyCommand resolve(String note) {
        return new ResolveKpiDiscrepancyCommand(RETURN, LAC, null, note, "officer.jones");
    }

    private static MonthlyReturnSubmittedEvent submitted() {
        return new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, null, "nelft");
    }

    private static KpiValueSubmittedEvent provider(String kpi, String value) {
        return new KpiValueSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, kpi, null, KpiUnit.PERCENT,
                new BigDecimal(value), null, null, kpi.equals(LAC) ? lacBand(value) : Rating.GREEN);
    }

    private static Rating lacBand(String value) {
        return KpiTemplates.forServiceArea("EMOTIONAL_HEALTH_AND_WELLBEING").get(1).bandTable()
                .rate(new BigDecimal(value));
    }

    private static CouncilKpiValueRecordedEvent councilValue(String kpi, String district, String value, Rating band) {
        return new CouncilKpiValueRecordedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, kpi, district, KpiUnit.PERCENT,
                new BigDecimal(value), null, null, band, "officer.jones", NOW);
    }

    private static KpiDiscrepancyFlaggedEvent flag(String kpi, String provider, String council, String difference) {
        return new KpiDiscrepancyFlaggedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, kpi, null, new BigDecimal(provider),
                new BigDecimal(council), new BigDecimal(difference), new BigDecimal("5"), NOW);
    }

    private static KpiCorrectedEvent corrected(String value, String previous, Rating band) {
        return new KpiCorrectedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, LAC, null, KpiUnit.PERCENT, new BigDecimal(value),
                null, null, band, new BigDecimal(previous), null, null, "Recounted", "officer.jones", NOW);
    }

    private static KpiDiscrepancyResolvedEvent resolved() {
        return new KpiDiscrepancyResolvedEvent(RETURN, CONTRACT, OCTOBER_2018, LAC, null, new BigDecimal("100"),
                new BigDecimal("50"), "NELFT counted children placed by other authorities", "officer.jones", NOW);
    }
}
