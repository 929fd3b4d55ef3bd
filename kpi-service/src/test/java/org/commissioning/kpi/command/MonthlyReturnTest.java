package org.commissioning.kpi.command;

import static org.commissioning.kpi.command.RuleMatchers.conflicts;
import static org.commissioning.kpi.command.RuleMatchers.violates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Returns of the children's mental-health contract of source 004, with its KPIs as in the template; "today" is
 * 15 March 2019, the month after the last figures of the report.
 */
class MonthlyReturnTest {

    static final String CONTRACT = "5c1e9a51-3f7f-4d9b-8a10-2f0c5a4e8d1b";
    static final YearMonth OCTOBER_2018 = YearMonth.of(2018, 10);
    static final String RETURN = MonthlyReturnId.of(CONTRACT, OCTOBER_2018);
    static final Instant NOW = Instant.parse("2019-03-15T12:00:00Z");
    static final ContractFacts SOUTH_2017_TO_2020 = new ContractFacts(LocalDate.of(2017, 4, 1),
            LocalDate.of(2020, 3, 31), List.of("Ashford", "Dover", "Folkestone and Hythe"));
    static final KpiFrameworkVersion V1 = new KpiFrameworkVersion(1, YearMonth.of(2018, 4),
            KpiTemplates.forServiceArea("EMOTIONAL_HEALTH_AND_WELLBEING"), "EMOTIONAL_HEALTH_AND_WELLBEING");
    static final FrameworkHistory FRAMEWORKS = new FrameworkHistory(List.of(V1));
    static final String CALLS = "CALLS-TRIAGED-24H";
    static final String LAC = "LAC-ASSESSED-2W";
    static final String CRISIS = "CRISIS-TREATED-4H";

    AggregateTestFixture<MonthlyReturn> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MonthlyReturn.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/London")));
    }

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
                        null, "nelft", SOUTH_2017_TO_2020, revised))
                .expectEvents(new MonthlyReturnSubmittedEvent(RETURN, CONTRACT, OCTOBER_2018, 1, null, "nelft"),
                        value(CALLS, null, "93", Rating.GREEN));
        setUp();
        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(MonthlyReturnId.of(CONTRACT, january2019), CONTRACT, january2019,
                        List.of(SubmittedValue.total("CALLS-ANSWERED", "108")), null, "nelft", SOUTH_2017_TO_2020, revised))
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
        fixture.givenNoPriorActivity()
                .when(submit(YearMonth.of(2019, 4), SubmittedValue.total(CALLS, "90")))
                .expectException(violates("period-in-future", "period"))
                .expectExceptionMessage("A return for 2019-04 cannot be accepted in 2019-03: the period is in the future "
                        + "(periods up to 2019-03 are accepted)")
                .expectNoEvents();
    }

    @Test
    void refusesAPeriodBeforeTheContractStarted() {
        fixture.givenNoPriorActivity()
                .when(submit(YearMonth.of(2017, 3), SubmittedValue.total(CALLS, "90")))
                .expectException(violates("period-outside-term", "period"))
                .expectExceptionMessage("2017-03 is outside the term of contract " + CONTRACT + " (2017-04-01 to 2020-03-31); "
                        + "periods from 2017-04 to 2019-03 are accepted")
                .expectNoEvents();
    }

    @Test
    void refusesAPeriodAfterTheContractEnded() {
        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(SubmittedValue.total(CALLS, "90")),
                        null, "nelft", new ContractFacts(LocalDate.of(2016, 4, 1), LocalDate.of(2018, 9, 30), List.of()),
                        FRAMEWORKS))
                .expectException(violates("period-outside-term", "period"))
                .expectNoEvents();
    }

    @Test
    void refusesAReturnOfAContractWithoutFramework() {
        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(SubmittedValue.total(CALLS, "90")),
                        null, "nelft", SOUTH_2017_TO_2020, FrameworkHistory.NONE))
                .expectException(conflicts("framework-not-in-force", "NO_FRAMEWORK"))
                .expectNoEvents();
    }

    @Test
    void refusesAPeriodBeforeTheFirstVersionTakesEffect() {
        YearMonth march2018 = YearMonth.of(2018, 3);
        fixture.givenNoPriorActivity()
                .when(submit(march2018, SubmittedValue.total(CALLS, "90")))
                .expectException(conflicts("framework-not-in-force", "NOT_YET_IN_FORCE"))
                .expectExceptionMessage("No KPI framework of contract " + CONTRACT + " is in force in 2018-03; "
                        + "the first version is effective from 2018-04")
                .expectNoEvents();
    }

    @Test
    void refusesAKpiTheFrameworkDoesNotHave() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "90"), SubmittedValue.total("KNITTING", "5")))
                .expectException(violates("kpi-unknown", "values[1].kpiCode"))
                .expectExceptionMessage("There is no KPI KNITTING in version 1 of the framework of contract " + CONTRACT
                        + "; its KPIs are [CALLS-TRIAGED-24H, LAC-ASSESSED-2W, CRISIS-TREATED-4H]")
                .expectNoEvents();
    }

    @Test
    void refusesAKpiTheCouncilSuppliesItself() {
        KpiDefinition council = new KpiDefinition("EHU-CASES", "Cases known to Early Help Units", KpiUnit.COUNT,
                Direction.HIGHER_IS_BETTER, List.of(Band.below(Rating.RED, "100"), Band.closedOpen(Rating.AMBER, "100", "108"),
                Band.from(Rating.GREEN, "108")), false, ExpectedSource.COUNCIL);
        FrameworkHistory withCouncilKpi = new FrameworkHistory(List.of(new KpiFrameworkVersion(1, YearMonth.of(2018, 4),
                List.of(V1.kpis().get(0), council), null)));

        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018,
                        List.of(SubmittedValue.total("EHU-CASES", "120")), null, "nelft", SOUTH_2017_TO_2020, withCouncilKpi))
                .expectException(violates("kpi-not-provider-sourced", "values[0].kpiCode"))
                .expectNoEvents();
    }

    @Test
    void refusesADistrictOutsideTheContractsLot() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "90"), SubmittedValue.inDistrict(CALLS, "Thanet", "90")))
                .expectException(violates("district-outside-lot", "values[1].district"))
                .expectExceptionMessage("Thanet is not a district of the lot of contract " + CONTRACT
                        + ": [Ashford, Dover, Folkestone and Hythe]")
                .expectNoEvents();
    }

    @Test
    void refusesAPercentageOutsideZeroToAHundred() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "101")))
                .expectException(violates("value-out-of-range", "values[0].value"))
                .expectExceptionMessage("KPI CALLS-TRIAGED-24H: A PERCENT value must be 0 to 100; got 101")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "-0.5")))
                .expectException(violates("value-out-of-range", "values[0].value"))
                .expectNoEvents();
    }

    @Test
    void refusesMoreDecimalsThanTheUnitHas() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "94.995")))
                .expectException(violates("value-scale", "values[0].value"))
                .expectNoEvents();
    }

    @Test
    void refusesAFractionThatIsNotAPercentage() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.fraction(LAC, null, 4, 3)))
                .expectException(violates("fraction-invalid", "values[0].numerator"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.fraction(LAC, null, 0, 0)))
                .expectException(violates("fraction-invalid", "values[0].denominator"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, new SubmittedValue(LAC, null, null, new BigDecimal("1.5"), BigDecimal.TEN)))
                .expectException(violates("fraction-invalid", "values[0].numerator"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, new SubmittedValue(LAC, null, new BigDecimal("50"), BigDecimal.ONE,
                        BigDecimal.valueOf(3))))
                .expectException(violates("value-disagrees-with-fraction", "values[0].value"))
                .expectExceptionMessage("KPI LAC-ASSESSED-2W: 1/3 is 33.33%, not 50; give the fraction alone or a "
                        + "value that agrees with it")
                .expectNoEvents();
    }

    @Test
    void refusesAFractionForACount() {
        KpiDefinition count = new KpiDefinition("CASES", "New cases", KpiUnit.COUNT, Direction.HIGHER_IS_BETTER,
                List.of(Band.below(Rating.RED, "100"), Band.closedOpen(Rating.AMBER, "100", "108"),
                        Band.from(Rating.GREEN, "108")), true, ExpectedSource.PROVIDER);
        FrameworkHistory counts = new FrameworkHistory(List.of(new KpiFrameworkVersion(1, YearMonth.of(2018, 4),
                List.of(count), null)));

        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018,
                        List.of(SubmittedValue.fraction("CASES", null, 1, 2)), null, "nelft", SOUTH_2017_TO_2020, counts))
                .expectException(violates("fraction-not-for-unit", "values[0].numerator"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018,
                        List.of(SubmittedValue.total("CASES", "108.5")), null, "nelft", SOUTH_2017_TO_2020, counts))
                .expectException(violates("value-scale", "values[0].value"))
                .expectNoEvents();
    }

    @Test
    void refusesTwoValuesForTheSameKpiAndDistrict() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "90"), SubmittedValue.total(CALLS.toLowerCase(), "91")))
                .expectException(violates("value-duplicate", "values[1]"))
                .expectNoEvents();
    }

    @Test
    void refusesADistrictBreakdownWithoutItsTotal() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "90"), SubmittedValue.inDistrict(CRISIS, "Dover", "90")))
                .expectException(violates("total-missing", "values"))
                .expectExceptionMessage("A KPI broken down by district also needs its total for the contract (a value "
                        + "without district); missing for [CRISIS-TREATED-4H]")
                .expectNoEvents();
    }

    @Test
    void refusesAReturnWithoutValues() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018))
                .expectException(violates("values-required", "values"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, new SubmittedValue(CALLS, null, null, null, null)))
                .expectException(violates("value-required", "values[0].value"))
                .expectNoEvents();
    }

    @Test
    void refusesAReturnWithoutPeriod() {
        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, null, List.of(SubmittedValue.total(CALLS, "90")),
                        null, "nelft", SOUTH_2017_TO_2020, FRAMEWORKS))
                .expectException(violates("period-required", "period"))
                .expectNoEvents();
    }

    @Test
    void refusesAValueThatNamesNoKpi() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, SubmittedValue.total(CALLS, "90"), new SubmittedValue(" ", null, BigDecimal.ONE,
                        null, null)))
                .expectException(violates("kpi-code-required", "values[1].kpiCode"))
                .expectNoEvents();
    }

    @Test
    void refusesHalfAFraction() {
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, new SubmittedValue(LAC, null, null, null, BigDecimal.TEN)))
                .expectException(violates("fraction-invalid", "values[0].numerator"))
                .expectExceptionMessage("KPI LAC-ASSESSED-2W: give both a numerator and a denominator")
                .expectNoEvents();
    }

    @Test
    void refusesANarrativeLongerThanFourThousandCharacters() {
        fixture.givenNoPriorActivity()
                .when(new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(SubmittedValue.total(CALLS, "90")),
                        "x".repeat(4_001), "nelft", SOUTH_2017_TO_2020, FRAMEWORKS))
                .expectException(violates("narrative-too-long", "narrative"))
                .expectNoEvents();
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

    @Test
    void refusesACorrectionWithoutReasonOrActor() {
        fixture.given(submitted(), value(CRISIS, null, "85", Rating.AMBER))
                .when(correct(CRISIS, null, "86", "  "))
                .expectException(violates("reason-required", "reason"))
                .expectNoEvents();
        fixture.given(submitted(), value(CRISIS, null, "85", Rating.AMBER))
                .when(new CorrectKpiValueCommand(RETURN, CRISIS, null, new BigDecimal("86"), null, null, "typo", null,
                        FRAMEWORKS))
                .expectException(violates("actor-required", "correctedBy"))
                .expectNoEvents();
    }

    @Test
    void refusesAReasonLongerThanTwoThousandCharacters() {
        fixture.given(submitted(), value(CRISIS, null, "85", Rating.AMBER))
                .when(correct(CRISIS, null, "86", "y".repeat(2_001)))
                .expectException(violates("reason-too-long", "reason"))
                .expectNoEvents();
    }

    @Test
    void refusesCorrectingAValueTheReturnDoesNotHave() {
        fixture.given(submitted(), value(CRISIS, null, "85", Rating.AMBER))
                .when(correct(CALLS, null, "90", "missing"))
                .expectException(violates("value-not-in-return", "kpiCode"))
                .expectNoEvents();
        fixture.given(submitted(), value(CRISIS, null, "85", Rating.AMBER))
                .when(correct(CRISIS, "Dover", "90", "missing"))
                .expectException(violates("value-not-in-return", "kpiCode"))
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionThatChangesNothingOrIsOutOfRange() {
        fixture.given(submitted(), value(CRISIS, null, "85", Rating.AMBER))
                .when(correct(CRISIS, null, "85.0", "same"))
                .expectException(violates("correction-unchanged", "value"))
                .expectNoEvents();
        fixture.given(submitted(), value(CRISIS, null, "85", Rating.AMBER))
                .when(correct(CRISIS, null, "185", "typo"))
                .expectException(violates("value-out-of-range", "value"))
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
                        List.of(SubmittedValue.total(CALLS, "97")), null, "nelft", SOUTH_2017_TO_2020, FRAMEWORKS,
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
        fixture.givenNoPriorActivity()
                .when(submit(OCTOBER_2018, values))
                .expectException(violates("values-too-many", "values"))
                .expectNoEvents();
    }

    private static SubmitMonthlyReturnCommand submitDue(LocalDate dueDate, SubmittedValue... values) {
        return new SubmitMonthlyReturnCommand(RETURN, CONTRACT, OCTOBER_2018, List.of(values), "Figures validated",
                "nelft", SOUTH_2017_TO_2020, FRAMEWORKS, dueDate);
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
                "Figures validated", "nelft", SOUTH_2017_TO_2020, FRAMEWORKS);
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
}
