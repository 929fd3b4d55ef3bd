package org.commissioning.rag.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.rag.api.BandSpec;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.ContractTerm;
import org.commissioning.rag.api.FlagKpiDiscrepancyCommand;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.KpiDiscrepancyClearedEvent;
import org.commissioning.rag.api.KpiDiscrepancyNotedEvent;
import org.commissioning.rag.api.RecordTrajectoryStatementCommand;
import org.commissioning.rag.api.ResolveKpiDiscrepancyCommand;
import org.commissioning.rag.api.TrajectoryAssessedEvent;
import org.commissioning.rag.api.Trend;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.OverrideRatingCommand;
import org.commissioning.rag.api.RagChangedEvent;
import org.commissioning.rag.api.RagOverriddenEvent;
import org.commissioning.rag.api.RateKpiValueCommand;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RecordFrameworkCommand;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractRatingTest {

    static final String C = "5c1e9a51-3f7f-4d9b-8a10-2f0c5a4e8d1b";
    static final YearMonth APR = YearMonth.of(2018, 4);
    static final YearMonth MAY = YearMonth.of(2018, 5);
    static final FrameworkVersion V1 = Bands.framework(1, APR);
    static final String POLICY = WorstHeadlineBandPolicy.VERSION;
    static final String TRIAGE = Bands.TRIAGE_CODE;
    static final String CRISIS = Bands.CRISIS_CODE;

    /** The contract's term as rag-service knows it: April 2016 to March 2019. */
    static final ContractTerm TERM = new ContractTerm(LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31));
    /** Now, for every test: 1 June 2018, in the council's zone. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2018-06-01T09:00:00Z"), ZoneId.of("Europe/London"));

    AggregateTestFixture<ContractRating> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ContractRating.class);
        fixture.registerInjectableResource(CLOCK);
    }

    static Matcher<Object> violation(String rule, String field, String message) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolationException e && e.rule().equals(rule)
                        && java.util.Objects.equals(e.field(), field) && e.getMessage().contains(message);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolationException of rule " + rule + " on field " + field
                        + " saying " + message);
            }
        };
    }

    static RateKpiValueCommand submit(YearMonth period, String code, String value, String reportedBand) {
        return new RateKpiValueCommand(C, period, code, new BigDecimal(value), null, null, "PROVIDER", 1,
                reportedBand, false);
    }

    static KpiRatedEvent rated(YearMonth period, String code, String value, Rating band) {
        return new KpiRatedEvent(C, period, code, new BigDecimal(value), null, null, "PROVIDER", 1, band, band.name(),
                true, false);
    }

    static KpiEvidence evidence(String code, String value, Rating band) {
        return new KpiEvidence(code, code.toLowerCase(), new BigDecimal(value), null, null, "PROVIDER", band, 1);
    }

    static ContractRatedEvent computed(YearMonth period, Rating rating, List<KpiEvidence> evidence,
                                       List<String> missing) {
        return new ContractRatedEvent(C, period, rating, rating, Basis.COMPUTED, false, POLICY, evidence, missing,
                List.of(1), "rag-service", null, List.of(), null);
    }

    /** April fully rated AMBER (triage 97 STRETCH, crisis 86 AMBER). */
    static Object[] aprilAmber() {
        return new Object[]{new FrameworkRecordedEvent(C, V1),
                rated(APR, TRIAGE, "97", Rating.STRETCH),
                computed(APR, Rating.NOT_RATED, List.of(evidence(TRIAGE, "97", Rating.STRETCH)), List.of(CRISIS)),
                rated(APR, CRISIS, "86", Rating.AMBER),
                computed(APR, Rating.AMBER, List.of(evidence(TRIAGE, "97", Rating.STRETCH),
                        evidence(CRISIS, "86", Rating.AMBER)), List.of()),
                new RagChangedEvent(C, null, Rating.AMBER, APR, Basis.COMPUTED, null)};
    }

    /** May's triage 93 GREEN, crisis still missing: May is not rated yet. */
    static Object[] mayTriageGreen() {
        return new Object[]{rated(MAY, TRIAGE, "93", Rating.GREEN),
                computed(MAY, Rating.NOT_RATED, List.of(evidence(TRIAGE, "93", Rating.GREEN)), List.of(CRISIS))};
    }

    @Test
    void recordsAFrameworkVersionOnce() {
        fixture.givenNoPriorActivity()
                .when(new RecordFrameworkCommand(C, V1))
                .expectEvents(new FrameworkRecordedEvent(C, V1));
        fixture.given(new FrameworkRecordedEvent(C, V1))
                .when(new RecordFrameworkCommand(C, V1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPeriodWithAMissingHeadlineValueIsNotRatedAndChangesNoRag() {
        fixture.given(new FrameworkRecordedEvent(C, V1))
                .when(submit(APR, TRIAGE, "97", "STRETCH"))
                .expectEvents(rated(APR, TRIAGE, "97", Rating.STRETCH),
                        computed(APR, Rating.NOT_RATED, List.of(evidence(TRIAGE, "97", Rating.STRETCH)),
                                List.of(CRISIS)));
    }

    @Test
    void ratesThePeriodByItsWorstHeadlineBandAndRecordsTheFirstRagChange() {
        Object[] april = aprilAmber();
        fixture.given(april[0], april[1], april[2])
                .when(submit(APR, CRISIS, "86", "AMBER"))
                .expectEvents(april[3], april[4], april[5]);
    }

    @Test
    void aNonHeadlineValueIsRatedAndTheUnchangedRatingRecordedAgainWithoutARagChange() {
        fixture.given(aprilAmber())
                .when(submit(APR, Bands.REACH_CODE, "40", "RED"))
                .expectEvents(new KpiRatedEvent(C, APR, Bands.REACH_CODE, new BigDecimal("40"), null, null,
                                "PROVIDER", 1, Rating.RED, "RED", false, false),
                        computed(APR, Rating.AMBER, List.of(evidence(TRIAGE, "97", Rating.STRETCH),
                                evidence(CRISIS, "86", Rating.AMBER)), List.of()));
    }

    @Test
    void theSameFigureAgainChangesNothing() {
        fixture.given(aprilAmber())
                .when(submit(APR, CRISIS, "86", "AMBER"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNextPeriodWithTheSameRatingChangesNoRagAndOneWithAnotherDoes() {
        fixture.given(aprilAmber()).andGiven(mayTriageGreen())
                .when(submit(MAY, CRISIS, "84", "RED"))
                .expectEvents(rated(MAY, CRISIS, "84", Rating.RED),
                        computed(MAY, Rating.RED, List.of(evidence(TRIAGE, "93", Rating.GREEN),
                                evidence(CRISIS, "84", Rating.RED)), List.of()),
                        new RagChangedEvent(C, Rating.AMBER, Rating.RED, MAY, Basis.COMPUTED, null));
        fixture.given(aprilAmber()).andGiven(mayTriageGreen())
                .when(submit(MAY, CRISIS, "88", "AMBER"))
                .expectEvents(rated(MAY, CRISIS, "88", Rating.AMBER),
                        computed(MAY, Rating.AMBER, List.of(evidence(TRIAGE, "93", Rating.GREEN),
                                evidence(CRISIS, "88", Rating.AMBER)), List.of()));
    }

    @Test
    void trustsItsOwnBandOverTheOneKpiServiceReported() {
        fixture.given(new FrameworkRecordedEvent(C, V1))
                .when(submit(APR, TRIAGE, "95", "STRETCH"))
                .expectEvents(new KpiRatedEvent(C, APR, TRIAGE, new BigDecimal("95"), null, null, "PROVIDER", 1,
                                Rating.GREEN, "STRETCH", true, false),
                        computed(APR, Rating.NOT_RATED, List.of(evidence(TRIAGE, "95", Rating.GREEN)),
                                List.of(CRISIS)));
    }

    @Test
    void reRatesACorrectedPeriodAndSaysWhy() {
        fixture.given(aprilAmber())
                .when(new RateKpiValueCommand(C, APR, CRISIS, new BigDecimal("91"), null, null, "PROVIDER", 1,
                        "GREEN", true))
                .expectEvents(new KpiRatedEvent(C, APR, CRISIS, new BigDecimal("91"), null, null, "PROVIDER", 1,
                                Rating.GREEN, "GREEN", true, true),
                        new ContractRatedEvent(C, APR, Rating.GREEN, Rating.GREEN, Basis.COMPUTED, false, POLICY,
                                List.of(evidence(TRIAGE, "97", Rating.STRETCH), evidence(CRISIS, "91", Rating.GREEN)),
                                List.of(), List.of(1), "rag-service", null, List.of(),
                                "re-rated after KPI " + CRISIS + " (PROVIDER) was corrected from 86 to 91"),
                        new RagChangedEvent(C, Rating.AMBER, Rating.GREEN, APR, Basis.COMPUTED, null));
    }

    @Test
    void ratesAPeriodAgainstTheFrameworkVersionInForceForIt() {
        List<BandSpec> stricter = List.of(
                new BandSpec(Rating.RED, new BigDecimal("0"), true, new BigDecimal("95"), false),
                new BandSpec(Rating.GREEN, new BigDecimal("95"), true, new BigDecimal("100"), true));
        FrameworkVersion v2 = new FrameworkVersion(2, MAY, List.of(
                new KpiSpec(TRIAGE, "triage", "PERCENT", "HIGHER_IS_BETTER", true, stricter)));
        fixture.given(new FrameworkRecordedEvent(C, V1), new FrameworkRecordedEvent(C, v2))
                .when(new RateKpiValueCommand(C, MAY, TRIAGE, new BigDecimal("93"), null, null, "PROVIDER", 2,
                        "RED", false))
                .expectEvents(new KpiRatedEvent(C, MAY, TRIAGE, new BigDecimal("93"), null, null, "PROVIDER", 2,
                                Rating.RED, "RED", true, false),
                        new ContractRatedEvent(C, MAY, Rating.RED, Rating.RED, Basis.COMPUTED, false, POLICY,
                                List.of(new KpiEvidence(TRIAGE, "triage", new BigDecimal("93"), null, null,
                                        "PROVIDER", Rating.RED, 2)), List.of(), List.of(2), "rag-service", null, List.of(), null),
                        new RagChangedEvent(C, null, Rating.RED, MAY, Basis.COMPUTED, null));
    }

    @Test
    void ofTwoVersionsEffectiveFromTheSameMonthTheRevisionIsInForce() {
        FrameworkVersion v1 = new FrameworkVersion(1, APR, List.of(Bands.kpi(TRIAGE, true)));
        FrameworkVersion v2 = new FrameworkVersion(2, APR, List.of(new KpiSpec(TRIAGE, "triage", "PERCENT",
                "HIGHER_IS_BETTER", true, List.of(
                new BandSpec(Rating.RED, new BigDecimal("0"), true, new BigDecimal("95"), false),
                new BandSpec(Rating.GREEN, new BigDecimal("95"), true, new BigDecimal("100"), true)))));

        assertThat(Frameworks.inForce(APR, List.of(v2, v1))).contains(v2);
        assertThat(Frameworks.inForce(APR, List.of(v1, v2))).contains(v2);
        assertThat(Frameworks.inForce(APR.minusMonths(1), List.of(v1, v2))).isEmpty();
    }

    @Test
    void refusesAValueBeforeAnyFrameworkIsInForce() {
        fixture.givenNoPriorActivity()
                .when(submit(APR, TRIAGE, "97", "STRETCH"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void anOfficerSetsARatingWithARationaleAndTheComputedOneStaysOnRecord() {
        String why = "The red KPI matches in-house performance; relationships remain strong.";
        fixture.given(aprilAmber())
                .when(new OverrideRatingCommand(C, APR, Rating.GREEN, "  " + why + " ", "officer.jones", TERM))
                .expectEvents(new RagOverriddenEvent(C, APR, Rating.AMBER, Rating.GREEN, Rating.AMBER, why,
                                "officer.jones", POLICY),
                        new ContractRatedEvent(C, APR, Rating.GREEN, Rating.AMBER, Basis.OFFICER, false, POLICY,
                                List.of(evidence(TRIAGE, "97", Rating.STRETCH), evidence(CRISIS, "86", Rating.AMBER)),
                                List.of(), List.of(1), "officer.jones", why, List.of(), null),
                        new RagChangedEvent(C, Rating.AMBER, Rating.GREEN, APR, Basis.OFFICER, why));
    }

    @Test
    void theOfficersDecisionStandsWhenThePeriodsInputsChange() {
        String why = "Comparable with in-house provision.";
        fixture.given(aprilAmber())
                .andGiven(new RagOverriddenEvent(C, APR, Rating.AMBER, Rating.GREEN, Rating.AMBER, why,
                        "officer.jones", POLICY))
                .when(new RateKpiValueCommand(C, APR, CRISIS, new BigDecimal("70"), null, null, "PROVIDER", 1, "RED",
                        true))
                .expectEvents(new KpiRatedEvent(C, APR, CRISIS, new BigDecimal("70"), null, null, "PROVIDER", 1,
                                Rating.RED, "RED", true, true),
                        new ContractRatedEvent(C, APR, Rating.GREEN, Rating.RED, Basis.OFFICER, false, POLICY,
                                List.of(evidence(TRIAGE, "97", Rating.STRETCH), evidence(CRISIS, "70", Rating.RED)),
                                List.of(), List.of(1), "officer.jones", why, List.of(),
                                "re-rated after KPI " + CRISIS + " (PROVIDER) was corrected from 86 to 70"));
    }

    @Test
    void refusesAnOverrideWithoutRationaleOrWithAnUndecidableRating() {
        fixture.given(aprilAmber())
                .when(new OverrideRatingCommand(C, APR, Rating.GREEN, "  ", "officer.jones", TERM))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(aprilAmber())
                .when(new OverrideRatingCommand(C, APR, Rating.STRETCH, "why", "officer.jones", TERM))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void anOfficerRatesAPeriodWithoutKpiValuesItsComputedRatingBeingNotRated() {
        String why = "Rated amber in the 2018 report: a red KPI matches in-house performance.";
        fixture.givenNoPriorActivity()
                .when(new OverrideRatingCommand(C, APR, Rating.AMBER, why, "officer.jones", TERM))
                .expectEvents(new RagOverriddenEvent(C, APR, Rating.NOT_RATED, Rating.AMBER, null, why,
                                "officer.jones", POLICY),
                        new ContractRatedEvent(C, APR, Rating.AMBER, Rating.NOT_RATED, Basis.OFFICER, false, POLICY,
                                List.of(), List.of(), List.of(), "officer.jones", why, List.of(), null),
                        new RagChangedEvent(C, null, Rating.AMBER, APR, Basis.OFFICER, why));
    }

    static final String FLAG_REASON = "KPI " + CRISIS + " is not validated: provider 86, council 80 differ beyond tolerance";

    static FlagKpiDiscrepancyCommand flagCrisis() {
        return new FlagKpiDiscrepancyCommand(C, APR, CRISIS, new BigDecimal("86"), new BigDecimal("80"));
    }

    static ContractRatedEvent aprilAmberProvisional(String reason) {
        return new ContractRatedEvent(C, APR, Rating.AMBER, Rating.AMBER, Basis.COMPUTED, true, POLICY,
                List.of(evidence(TRIAGE, "97", Rating.STRETCH), evidence(CRISIS, "86", Rating.AMBER)), List.of(),
                List.of(1), "rag-service", null, List.of(CRISIS), reason);
    }

    @Test
    void aDiscrepancyOnAHeadlineValueMakesThePeriodsRatingProvisional() {
        fixture.given(aprilAmber())
                .when(flagCrisis())
                .expectEvents(new KpiDiscrepancyNotedEvent(C, APR, CRISIS, new BigDecimal("86"), new BigDecimal("80")),
                        aprilAmberProvisional(FLAG_REASON));
    }

    @Test
    void aDiscrepancyAlreadyNotedChangesNothing() {
        fixture.given(aprilAmber())
                .andGiven(new KpiDiscrepancyNotedEvent(C, APR, CRISIS, new BigDecimal("86"), new BigDecimal("80")),
                        aprilAmberProvisional(FLAG_REASON))
                .when(flagCrisis())
                .expectNoEvents();
    }

    @Test
    void aResolvedDiscrepancyMakesTheRatingFirmAgainAndSaysWho() {
        fixture.given(aprilAmber())
                .andGiven(new KpiDiscrepancyNotedEvent(C, APR, CRISIS, new BigDecimal("86"), new BigDecimal("80")),
                        aprilAmberProvisional(FLAG_REASON))
                .when(new ResolveKpiDiscrepancyCommand(C, APR, CRISIS, "Council count missed late referrals",
                        "officer.jones"))
                .expectEvents(new KpiDiscrepancyClearedEvent(C, APR, CRISIS, "Council count missed late referrals",
                                "officer.jones"),
                        new ContractRatedEvent(C, APR, Rating.AMBER, Rating.AMBER, Basis.COMPUTED, false, POLICY,
                                List.of(evidence(TRIAGE, "97", Rating.STRETCH), evidence(CRISIS, "86", Rating.AMBER)),
                                List.of(), List.of(1), "rag-service", null, List.of(),
                                "KPI " + CRISIS + " validated: discrepancy resolved by officer.jones "
                                        + "(Council count missed late referrals)"));
    }

    @Test
    void aDiscrepancyBeforeThePeriodIsRatedMakesItsFirstRatingProvisional() {
        fixture.given(new FrameworkRecordedEvent(C, V1), rated(APR, TRIAGE, "97", Rating.STRETCH),
                        computed(APR, Rating.NOT_RATED, List.of(evidence(TRIAGE, "97", Rating.STRETCH)),
                                List.of(CRISIS)),
                        new KpiDiscrepancyNotedEvent(C, MAY, CRISIS, new BigDecimal("86"), new BigDecimal("80")))
                .when(submit(MAY, CRISIS, "86", "AMBER"))
                .expectEvents(rated(MAY, CRISIS, "86", Rating.AMBER),
                        new ContractRatedEvent(C, MAY, Rating.NOT_RATED, Rating.NOT_RATED, Basis.COMPUTED, true,
                                POLICY, List.of(evidence(CRISIS, "86", Rating.AMBER)), List.of(TRIAGE), List.of(1),
                                "rag-service", null, List.of(CRISIS), null));
    }

    @Test
    void aResolutionOfNoNotedDiscrepancyChangesNothing() {
        fixture.given(aprilAmber())
                .when(new ResolveKpiDiscrepancyCommand(C, APR, CRISIS, "note", "officer.jones"))
                .expectNoEvents();
    }

    @Test
    void anOfficerStatesATrajectoryFromTheCurrentRating() {
        fixture.given(aprilAmber())
                .when(new RecordTrajectoryStatementCommand(C, Rating.GREEN, 3,
                        " On trajectory for green in the next three months ", "officer.jones", TERM))
                .expectEvents(new TrajectoryAssessedEvent(C, APR, 3, Rating.AMBER, Rating.GREEN, Trend.IMPROVING,
                        Basis.OFFICER, null, List.of(), "On trajectory for green in the next three months",
                        "officer.jones"));
    }

    @Test
    void refusesATrajectoryStatementWithoutWordsOrARatingOrBeforeAnyRating() {
        fixture.given(aprilAmber())
                .when(new RecordTrajectoryStatementCommand(C, Rating.GREEN, 3, " ", "officer.jones", TERM))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(aprilAmber())
                .when(new RecordTrajectoryStatementCommand(C, Rating.NOT_RATED, 3, "why", "officer.jones", TERM))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(aprilAmber())
                .when(new RecordTrajectoryStatementCommand(C, Rating.GREEN, 0, "why", "officer.jones", TERM))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(new FrameworkRecordedEvent(C, V1))
                .when(new RecordTrajectoryStatementCommand(C, Rating.GREEN, 3, "why", "officer.jones", TERM))
                .expectException(StateConflictException.class).expectNoEvents();
    }

    @Test
    void refusesAnOverrideForAFuturePeriod() {
        fixture.given(aprilAmber())
                .when(new OverrideRatingCommand(C, YearMonth.of(2999, 1), Rating.GREEN, "why", "officer.jones",
                        ContractTerm.UNKNOWN))
                .expectException(violation("period-not-in-future", "period",
                        "2999-01 is after the current month 2018-06"))
                .expectNoEvents();
        fixture.given(aprilAmber())
                .when(new OverrideRatingCommand(C, YearMonth.of(2018, 7), Rating.GREEN, "why", "officer.jones", TERM))
                .expectException(violation("period-not-in-future", "period",
                        "2018-07 is after the current month 2018-06"))
                .expectNoEvents();
    }

    @Test
    void refusesAnOverrideOutsideTheContractsTerm() {
        fixture.given(aprilAmber())
                .when(new OverrideRatingCommand(C, YearMonth.of(2016, 3), Rating.GREEN, "why", "officer.jones", TERM))
                .expectException(violation("period-within-term", "period",
                        "2016-03 is outside the contract's term 2016-04..2019-03"))
                .expectNoEvents();
        ContractTerm terminated = new ContractTerm(LocalDate.of(2016, 4, 1), LocalDate.of(2018, 3, 31));
        fixture.given(aprilAmber())
                .when(new OverrideRatingCommand(C, APR, Rating.GREEN, "why", "officer.jones", terminated))
                .expectException(violation("period-within-term", "period",
                        "2018-04 is outside the contract's term 2016-04..2018-03"))
                .expectNoEvents();
    }

    @Test
    void aContractWithoutARecordedTermIsBoundedOnlyByTheCurrentMonth() {
        fixture.givenNoPriorActivity()
                .when(new OverrideRatingCommand(C, YearMonth.of(2018, 6), Rating.AMBER, "why", "officer.jones",
                        ContractTerm.UNKNOWN))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new OverrideRatingCommand(C, YearMonth.of(2001, 1), Rating.AMBER, "why", "officer.jones",
                        new ContractTerm(null, LocalDate.of(2019, 3, 31))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAnOverlongRationaleOrStatement() {
        String tooLong = "x".repeat(OverrideRatingCommand.MAX_RATIONALE + 1);
        fixture.given(aprilAmber())
                .when(new OverrideRatingCommand(C, APR, Rating.GREEN, tooLong, "officer.jones", TERM))
                .expectException(violation("rationale-length", "rationale", "at most 4000 characters"))
                .expectNoEvents();
        fixture.given(aprilAmber())
                .when(new RecordTrajectoryStatementCommand(C, Rating.GREEN, 3,
                        "y".repeat(RecordTrajectoryStatementCommand.MAX_STATEMENT + 1), "officer.jones", TERM))
                .expectException(violation("statement-length", "statement", "at most 2000 characters"))
                .expectNoEvents();
    }

    @Test
    void refusesATrajectoryStatementOutsideTheContractsTerm() {
        ContractTerm ended = new ContractTerm(LocalDate.of(2016, 4, 1), LocalDate.of(2018, 5, 31));
        fixture.given(aprilAmber())
                .when(new RecordTrajectoryStatementCommand(C, Rating.GREEN, 3, "why", "officer.jones", ended))
                .expectException(violation("period-within-term", null,
                        "in 2018-06, which is outside the contract's term 2016-04..2018-05"))
                .expectNoEvents();
        ContractTerm notBegun = new ContractTerm(LocalDate.of(2018, 7, 1), null);
        fixture.given(aprilAmber())
                .when(new RecordTrajectoryStatementCommand(C, Rating.GREEN, 3, "why", "officer.jones", notBegun))
                .expectException(violation("period-within-term", null, "outside the contract's term 2018-07..?"))
                .expectNoEvents();
    }
}
