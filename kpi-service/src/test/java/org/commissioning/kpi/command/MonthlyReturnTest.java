package org.commissioning.kpi.command;

import static org.commissioning.kpi.command.ReturnFixtures.*;
import static org.commissioning.kpi.command.RuleMatchers.conflicts;
import static org.commissioning.kpi.command.RuleMatchers.violates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.commissioning.kpi.api.Band;
import org.commissioning.kpi.api.ContractFacts;
import org.commissioning.kpi.api.CorrectKpiValueCommand;
import org.commissioning.kpi.api.Direction;
import org.commissioning.kpi.api.ExpectedSource;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiTemplates;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.MonthlyReturnSubmittedEvent;
import org.commissioning.kpi.api.Rating;
import org.commissioning.kpi.api.RecordReturnOverdueCommand;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.kpi.api.SubmitMonthlyReturnCommand;
import org.commissioning.kpi.api.SubmittedValue;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Returns of the children's mental-health contract of source 004, with its KPIs as in the template; "today" is
 * 15 March 2019, the month after the last figures of the report.
 */
class MonthlyReturnTest {

    static final KpiFrameworkVersion V1 = new KpiFrameworkVersion(1, YearMonth.of(2018, 4),
            KpiTemplates.forServiceArea("EMOTIONAL_HEALTH_AND_WELLBEING"), "EMOTIONAL_HEALTH_AND_WELLBEING");
    static final FrameworkHistory FRAMEWORKS = new FrameworkHistory(List.of(V1));

    final AggregateTestFixture<MonthlyReturn> fixture = ReturnFixtures.monthlyReturn();

    @Test
    void storesTheReturnThenEachValueRatedUnderTheFrameworkInForce() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "97"), SubmittedValue.total(LAC, "100"),
                        SubmittedValue.total(CRISIS, "85")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, "Figures validated", "nelft"),
                        value(CALLS, null, "97", Rating.STRETCH),
                        value(LAC, null, "100", Rating.STRETCH),
                        value(CRISIS, null, "85", Rating.AMBER));
    }

    @Test
    void keepsAPercentageGivenAsAFractionAndRatesItsExactValue() {
        // 1899 of 2000 calls is 94.95%: Green. 18999 of 19999 is 94.99975%, shown as 95.00 and still Green
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.fraction(CALLS, null, 18999, 19999),
                        new SubmittedValue(LAC, null, new BigDecimal("66.67"), BigDecimal.valueOf(2), BigDecimal.valueOf(3))))
                .expectEvents(
                        new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, "Figures validated", "nelft"),
                        new KpiValueSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, CALLS, null, KpiUnit.PERCENT,
                                new BigDecimal("95.00"), 18999L, 19999L, Rating.GREEN),
                        new KpiValueSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, LAC, null, KpiUnit.PERCENT,
                                new BigDecimal("66.67"), 2L, 3L, Rating.RED));
    }

    @Test
    void acceptsATotalBrokenDownByTheDistrictsOfTheLot() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "93"), SubmittedValue.inDistrict(CALLS, "Dover", "89"),
                        SubmittedValue.inDistrict(CALLS, "Ashford", "96")))
                .expectEvents(
                        new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, "Figures validated", "nelft"),
                        value(CALLS, null, "93", Rating.GREEN),
                        value(CALLS, "Dover", "89", Rating.AMBER),
                        value(CALLS, "Ashford", "96", Rating.STRETCH));
    }

    @Test
    void acceptsTheCurrentMonth() {
        YearMonth march2019 = YearMonth.of(2019, 3);
        fixture.givenNoPriorActivity()
                .when(submit(march2019, SubmittedValue.total(CALLS, "90")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MonthlyReturnSubmittedEvent(MonthlyReturnId.of(CONTRACT, march2019), CONTRACT,
                                march2019, 1, "Figures validated", "nelft"),
                        new KpiValueSubmittedEvent(MonthlyReturnId.of(CONTRACT, march2019), CONTRACT, march2019, 1,
                                CALLS, null, KpiUnit.PERCENT, new BigDecimal("90"), null, null, Rating.GREEN));
    }

    @Test
    void acceptsAnyPeriodOfAContractWhoseTermIsNotRecorded() {
        YearMonth may2016 = YearMonth.of(2016, 5);
        FrameworkHistory from2016 = new FrameworkHistory(List.of(new KpiFrameworkVersion(1, YearMonth.of(2016, 4),
                V1.kpis(), null)));
        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(MonthlyReturnId.of(CONTRACT, may2016), CONTRACT, may2016,
                        List.of(SubmittedValue.total(CALLS, "90")), null, "nelft",
                        new ContractFacts(null, null, List.of()), from2016))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void submitsUnderTheVersionInForceInThePeriodNotTheLatest() {
        KpiDefinition countOfCalls = new KpiDefinition("CALLS-ANSWERED", "Calls answered", KpiUnit.COUNT,
                Direction.HIGHER_IS_BETTER, List.of(Band.below(Rating.RED, "100"), Band.closedOpen(Rating.AMBER, "100", "108"),
                Band.from(Rating.GREEN, "108")), true, ExpectedSource.PROVIDER);
        FrameworkHistory revised = FRAMEWORKS.with(new KpiFrameworkVersion(2, YearMonth.of(2019, 1),
                List.of(countOfCalls), null));
        YearMonth january2019 = YearMonth.of(2019, 1);

        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(SubmittedValue.total(CALLS, "93")),
                        null, "nelft", SOUTH, revised))
                .expectEvents(new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, null, "nelft"),
                        value(CALLS, null, "93", Rating.GREEN));
        monthlyReturn().givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(MonthlyReturnId.of(CONTRACT, january2019), CONTRACT, january2019,
                        List.of(SubmittedValue.total("CALLS-ANSWERED", "108")), null, "nelft", SOUTH, revised))
                .expectEvents(new MonthlyReturnSubmittedEvent(MonthlyReturnId.of(CONTRACT, january2019), CONTRACT,
                                january2019, 2, null, "nelft"),
                        new KpiValueSubmittedEvent(MonthlyReturnId.of(CONTRACT, january2019), CONTRACT, january2019, 2,
                                "CALLS-ANSWERED", null, KpiUnit.COUNT, new BigDecimal("108"), null, null, Rating.GREEN));
    }

    @Test
    void refusesASecondSubmissionForThePeriod() {
        fixture.given(submitted(), value(CALLS, null, "97", Rating.STRETCH))
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "98")))
                .expectException(conflicts("return-already-submitted", "SUBMITTED"))
                .expectExceptionMessage("The return of contract " + CONTRACT + " for 2018-10 has already been "
                        + "submitted; correct its values instead")
                .expectNoEvents();
    }

    @Test
    void refusesAPeriodInTheFuture() {
        refuses(submit(YearMonth.of(2019, 4), SubmittedValue.total(CALLS, "90")),
                violates("period-in-future", "period"),
                "A return for 2019-04 cannot be accepted in 2019-03: the period is in the future "
                        + "(periods up to 2019-03 are accepted)");
    }

    @Test
    void refusesAPeriodBeforeTheContractStarted() {
        refuses(submit(YearMonth.of(2017, 3), SubmittedValue.total(CALLS, "90")),
                violates("period-outside-term", "period"),
                "2017-03 is outside the term of contract " + CONTRACT + " (2017-04-01 to 2020-03-31); "
                        + "periods from 2017-04 to 2019-03 are accepted");
    }

    @Test
    void refusesAPeriodAfterTheContractEnded() {
        refuses(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(SubmittedValue.total(CALLS, "90")),
                        null, "nelft", new ContractFacts(LocalDate.of(2016, 4, 1), LocalDate.of(2018, 9, 30), List.of()),
                        FRAMEWORKS),
                violates("period-outside-term", "period"));
    }

    @Test
    void refusesAReturnOfAContractWithoutFramework() {
        refuses(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(SubmittedValue.total(CALLS, "90")),
                        null, "nelft", SOUTH, FrameworkHistory.NONE),
                conflicts("framework-not-in-force", "NO_FRAMEWORK"));
    }

    @Test
    void refusesAPeriodBeforeTheFirstVersionTakesEffect() {
        YearMonth march2018 = YearMonth.of(2018, 3);
        refuses(submit(march2018, SubmittedValue.total(CALLS, "90")),
                conflicts("framework-not-in-force", "NOT_YET_IN_FORCE"),
                "No KPI framework of contract " + CONTRACT + " is in force in 2018-03; "
                        + "the first version is effective from 2018-04");
    }

    @Test
    void refusesAKpiTheFrameworkDoesNotHave() {
        refuses(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "90"), SubmittedValue.total("KNITTING", "5")),
                violates("kpi-unknown", "values[1].kpiCode"),
                "There is no KPI KNITTING in version 1 of the framework of contract " + CONTRACT
                        + "; its KPIs are [CALLS-TRIAGED-24H, LAC-ASSESSED-2W, CRISIS-TREATED-4H]");
    }

    @Test
    void refusesAKpiTheCouncilSuppliesItself() {
        KpiDefinition council = new KpiDefinition("EHU-CASES", "Cases known to Early Help Units", KpiUnit.COUNT,
                Direction.HIGHER_IS_BETTER, List.of(Band.below(Rating.RED, "100"), Band.closedOpen(Rating.AMBER, "100", "108"),
                Band.from(Rating.GREEN, "108")), false, ExpectedSource.COUNCIL);
        FrameworkHistory withCouncilKpi = new FrameworkHistory(List.of(new KpiFrameworkVersion(1, YearMonth.of(2018, 4),
                List.of(V1.kpis().get(0), council), null)));

        refuses(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018,
                        List.of(SubmittedValue.total("EHU-CASES", "120")), null, "nelft", SOUTH, withCouncilKpi),
                violates("kpi-not-provider-sourced", "values[0].kpiCode"));
    }

    @Test
    void refusesADistrictOutsideTheContractsLot() {
        refuses(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "90"), SubmittedValue.inDistrict(CALLS, "Thanet", "90")),
                violates("district-outside-lot", "values[1].district"),
                "Thanet is not a district of the lot of contract " + CONTRACT
                        + ": [Ashford, Dover, Folkestone and Hythe]");
    }




    @ParameterizedTest(name = "{4} on {5}: {0} = {1} or {2}/{3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            CALLS-TRIAGED-24H | 101    | -   | -  | value-out-of-range            | values[0].value       | KPI CALLS-TRIAGED-24H: A PERCENT value must be 0 to 100; got 101
            CALLS-TRIAGED-24H | -0.5   | -   | -  | value-out-of-range            | values[0].value       | -
            CALLS-TRIAGED-24H | 94.995 | -   | -  | value-scale                   | values[0].value       | -
            CALLS-TRIAGED-24H | -      | -   | -  | value-required                | values[0].value       | -
            LAC-ASSESSED-2W   | -      | 4   | 3  | fraction-invalid              | values[0].numerator   | -
            LAC-ASSESSED-2W   | -      | 0   | 0  | fraction-invalid              | values[0].denominator | -
            LAC-ASSESSED-2W   | -      | 1.5 | 10 | fraction-invalid              | values[0].numerator   | -
            LAC-ASSESSED-2W   | -      | -   | 10 | fraction-invalid              | values[0].numerator   | KPI LAC-ASSESSED-2W: give both a numerator and a denominator
            LAC-ASSESSED-2W   | 50     | 1   | 3  | value-disagrees-with-fraction | values[0].value       | KPI LAC-ASSESSED-2W: 1/3 is 33.33%, not 50; give the fraction alone or a value that agrees with it
            """)
    void refusesAValueItsKpiCannotTakeStoringNothing(String kpi, BigDecimal value, BigDecimal numerator,
                                                     BigDecimal denominator, String rule, String field,
                                                     String message) {
        ResultValidator<MonthlyReturn> refused = fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, new SubmittedValue(kpi, null, value, numerator, denominator)))
                .expectException(violates(rule, field))
                .expectNoEvents();
        if (message != null) {
            refused.expectExceptionMessage(message);
        }
    }

    @Test
    void refusesAFractionForACount() {
        KpiDefinition count = new KpiDefinition("CASES", "New cases", KpiUnit.COUNT, Direction.HIGHER_IS_BETTER,
                List.of(Band.below(Rating.RED, "100"), Band.closedOpen(Rating.AMBER, "100", "108"),
                        Band.from(Rating.GREEN, "108")), true, ExpectedSource.PROVIDER);
        FrameworkHistory counts = new FrameworkHistory(List.of(new KpiFrameworkVersion(1, YearMonth.of(2018, 4),
                List.of(count), null)));

        refuses(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018,
                        List.of(SubmittedValue.fraction("CASES", null, 1, 2)), null, "nelft", SOUTH, counts),
                violates("fraction-not-for-unit", "values[0].numerator"));
        refuses(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018,
                        List.of(SubmittedValue.total("CASES", "108.5")), null, "nelft", SOUTH, counts),
                violates("value-scale", "values[0].value"));
    }

    @Test
    void refusesTwoValuesForTheSameKpiAndDistrict() {
        refuses(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "90"), SubmittedValue.total(CALLS.toLowerCase(), "91")),
                violates("value-duplicate", "values[1]"));
    }

    @Test
    void refusesADistrictBreakdownWithoutItsTotal() {
        refuses(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "90"), SubmittedValue.inDistrict(CRISIS, "Dover", "90")),
                violates("total-missing", "values"),
                "A KPI broken down by district also needs its total for the contract (a value "
                        + "without district); missing for [CRISIS-TREATED-4H]");
    }

    @Test
    void refusesAReturnWithoutValues() {
        refuses(submit(OCTOBER_2018),
                violates("values-required", "values"));
    }

    @Test
    void refusesAReturnWithoutPeriod() {
        refuses(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, null, List.of(SubmittedValue.total(CALLS, "90")),
                        null, "nelft", SOUTH, FRAMEWORKS),
                violates("period-required", "period"));
    }

    @Test
    void refusesAValueThatNamesNoKpi() {
        refuses(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "90"), new SubmittedValue(" ", null, BigDecimal.ONE,
                        null, null)),
                violates("kpi-code-required", "values[1].kpiCode"));
    }


    @Test
    void refusesANarrativeLongerThanFourThousandCharacters() {
        refuses(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(SubmittedValue.total(CALLS, "90")),
                        "x".repeat(4_001), "nelft", SOUTH, FRAMEWORKS),
                violates("narrative-too-long", "narrative"));
    }

    @Test
    void correctsAValueKeepingTheOriginalAndRecordingWhoWhenAndWhy() {
        fixture.given(submitted(), value(CALLS, null, "97", Rating.STRETCH), value(CRISIS, null, "85", Rating.AMBER))
                .when(correct(CRISIS, null, "86", "Two presentations were recorded twice"))
                .expectEvents(new KpiCorrectedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, CRISIS, null, KpiUnit.PERCENT,
                        new BigDecimal("86"), null, null, Rating.AMBER, new BigDecimal("85"), null, null,
                        "Two presentations were recorded twice", "officer.jones", NOW));
    }

    @Test
    void correctsAValueAgainFromTheCorrectedOne() {
        fixture.given(submitted(), value(CRISIS, null, "85", Rating.AMBER),
                        new KpiCorrectedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, CRISIS, null, KpiUnit.PERCENT,
                                new BigDecimal("86"), null, null, Rating.AMBER, new BigDecimal("85"), null, null,
                                "first", "officer.jones", NOW))
                .when(new CorrectKpiValueCommand(RETURN, CRISIS, null, null, BigDecimal.valueOf(19), BigDecimal.valueOf(20),
                        "Counted from the case list", "officer.smith", FRAMEWORKS))
                .expectEvents(new KpiCorrectedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, CRISIS, null, KpiUnit.PERCENT,
                        new BigDecimal("95.00"), 19L, 20L, Rating.GREEN, new BigDecimal("86"), null, null,
                        "Counted from the case list", "officer.smith", NOW));
    }

    @Test
    void correctsADistrictsValue() {
        fixture.given(submitted(), value(CALLS, null, "93", Rating.GREEN), value(CALLS, "Dover", "89", Rating.AMBER))
                .when(correct(CALLS, "Dover", "91", "Late triage logs"))
                .expectEvents(new KpiCorrectedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, CALLS, "Dover", KpiUnit.PERCENT,
                        new BigDecimal("91"), null, null, Rating.GREEN, new BigDecimal("89"), null, null,
                        "Late triage logs", "officer.jones", NOW));
    }

    /** {@code LONG} stands for a reason of 2,001 characters. */
    @ParameterizedTest(name = "{4} on {5}: {0} {1} = {2} because \"{3}\"")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            CRISIS-TREATED-4H | -     | 86   | '  '    | reason-required      | reason
            CRISIS-TREATED-4H | -     | 86   | LONG    | reason-too-long      | reason
            CALLS-TRIAGED-24H | -     | 90   | missing | value-not-in-return  | kpiCode
            CRISIS-TREATED-4H | Dover | 90   | missing | value-not-in-return  | kpiCode
            CRISIS-TREATED-4H | -     | 85.0 | same    | correction-unchanged | value
            CRISIS-TREATED-4H | -     | 185  | typo    | value-out-of-range   | value
            """)
    void refusesACorrectionStoringNothing(String kpi, String district, String value, String reason, String rule,
                                          String field) {
        fixture.given(submitted(), value(CRISIS, null, "85", Rating.AMBER))
                .when(correct(kpi, district, value, "LONG".equals(reason) ? "y".repeat(2_001) : reason))
                .expectException(violates(rule, field))
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionWithoutActor() {
        fixture.given(submitted(), value(CRISIS, null, "85", Rating.AMBER))
                .when(new CorrectKpiValueCommand(RETURN, CRISIS, null, new BigDecimal("86"), null, null, "typo", null,
                        FRAMEWORKS))
                .expectException(violates("actor-required", "correctedBy"))
                .expectNoEvents();
    }




    static final LocalDate DUE_15_NOVEMBER_2018 = LocalDate.of(2018, 11, 15);

    @Test
    void recordsAReturnSubmittedAfterItsDueDateAsLateAndOverdueOnce() {
        fixture.givenNoPriorActivity()
                .when(submitDue(DUE_15_NOVEMBER_2018, SubmittedValue.total(CALLS, "97")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new ReturnOverdueEvent(RETURN, CONTRACT, OCTOBER_2018, DUE_15_NOVEMBER_2018, NOW),
                        new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, "Figures validated",
                                "nelft", DUE_15_NOVEMBER_2018, true),
                        value(CALLS, null, "97", Rating.STRETCH));
    }

    @Test
    void recordsALateReturnTheScanAlreadyFoundOverdueAsLateWithoutASecondOverdue() {
        fixture.given(new ReturnOverdueEvent(RETURN, CONTRACT, OCTOBER_2018, DUE_15_NOVEMBER_2018,
                        Instant.parse("2018-11-16T09:00:00Z")))
                .when(submitDue(DUE_15_NOVEMBER_2018, SubmittedValue.total(CALLS, "97")))
                .expectEvents(
                        new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, "Figures validated",
                                "nelft", DUE_15_NOVEMBER_2018, true),
                        value(CALLS, null, "97", Rating.STRETCH));
    }

    @Test
    void recordsNothingFromTheScanAfterALateReturn() {
        fixture.given(new ReturnOverdueEvent(RETURN, CONTRACT, OCTOBER_2018, DUE_15_NOVEMBER_2018, NOW),
                        new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, "Figures validated",
                                "nelft", DUE_15_NOVEMBER_2018, true))
                .when(new RecordReturnOverdueCommand(RETURN, CONTRACT, OCTOBER_2018, DUE_15_NOVEMBER_2018))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordsAReturnSubmittedOnItsDueDateAsOnTime() {
        // "today" is 15 March 2019: the return of February 2019 is due that very day
        YearMonth february2019 = YearMonth.of(2019, 2);
        String returnId = MonthlyReturnId.of(CONTRACT, february2019);
        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(returnId, CONTRACT, february2019,
                        List.of(SubmittedValue.total(CALLS, "97")), null, "nelft", SOUTH, FRAMEWORKS,
                        LocalDate.of(2019, 3, 15)))
                .expectEvents(
                        new MonthlyReturnSubmittedEvent(returnId, CONTRACT, february2019, 1, null, "nelft",
                                LocalDate.of(2019, 3, 15), false),
                        new KpiValueSubmittedEvent(returnId, CONTRACT, february2019, 1, CALLS, null, KpiUnit.PERCENT,
                                new BigDecimal("97"), null, null, Rating.STRETCH));
    }

    @Test
    void refusesMoreThanAThousandValues() {
        SubmittedValue[] values = new SubmittedValue[1001];
        java.util.Arrays.fill(values, SubmittedValue.total(CALLS, "97"));
        refuses(submit(OCTOBER_2018, values),
                violates("values-too-many", "values"));
    }

    private static SubmitMonthlyReturnCommand submitDue(LocalDate dueDate, SubmittedValue... values) {
        return new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(values), "Figures validated",
                "nelft", SOUTH, FRAMEWORKS, dueDate);
    }

    @Test
    void refusesCorrectingAReturnNeverSubmitted() {
        fixture.givenNoPriorActivity()
                .when(correct(CRISIS, null, "86", "typo"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    private static SubmitMonthlyReturnCommand submit(YearMonth period, SubmittedValue... values) {
        return new SubmitMonthlyReturnCommand(MonthlyReturnId.of(CONTRACT, period), CONTRACT, period, List.of(values),
                "Figures validated", "nelft", SOUTH, FRAMEWORKS);
    }

    private static CorrectKpiValueCommand correct(String kpi, String district, String value, String reason) {
        return new CorrectKpiValueCommand(RETURN, kpi, district, new BigDecimal(value), null, null, reason,
                "officer.jones", FRAMEWORKS);
    }

    private static MonthlyReturnSubmittedEvent submitted() {
        return new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, "Figures validated", "nelft");
    }

    private static KpiValueSubmittedEvent value(String kpi, String district, String value, Rating band) {
        return new KpiValueSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, kpi, district, KpiUnit.PERCENT,
                new BigDecimal(value), null, null, band);
    }

    /** A new return refuses {@code command} as {@code expected} and stores nothing. */
    private void refuses(Object command, Matcher<? extends Exception> expected) {
        fixture.givenNoPriorActivity().when(command).expectException(expected).expectNoEvents();
    }

    /** As {@link #refuses(Object, Matcher)}, saying why in {@code message}. */
    private void refuses(Object command, Matcher<? extends Exception> expected, String message) {
        fixture.givenNoPriorActivity().when(command).expectException(expected).expectExceptionMessage(message)
                .expectNoEvents();
    }
}
