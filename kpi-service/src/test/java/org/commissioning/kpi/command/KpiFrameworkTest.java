package org.commissioning.kpi.command;

import static org.commissioning.kpi.command.RuleMatchers.conflicts;
import static org.commissioning.kpi.command.RuleMatchers.violates;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.kpi.api.Band;
import org.commissioning.kpi.api.DefineKpiFrameworkCommand;
import org.commissioning.kpi.api.Direction;
import org.commissioning.kpi.api.ExpectedSource;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiFrameworkDefinedEvent;
import org.commissioning.kpi.api.KpiFrameworkRevisedEvent;
import org.commissioning.kpi.api.KpiTemplates;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.Rating;
import org.commissioning.kpi.api.ReviseKpiFrameworkCommand;
import org.junit.jupiter.api.BeforeEach;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

class KpiFrameworkTest {

    static final String CONTRACT = "5c1e9a51-3f7f-4d9b-8a10-2f0c5a4e8d1b";
    static final YearMonth APRIL_2018 = YearMonth.of(2018, 4);
    static final List<KpiDefinition> TEMPLATE = KpiTemplates.forServiceArea("EMOTIONAL_HEALTH_AND_WELLBEING");

    AggregateTestFixture<KpiFramework> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(KpiFramework.class);
        // 15 March 2019 in London: versions may start up to March 2020
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2019-03-15T12:00:00Z"), ZoneId.of("Europe/London")));
    }

    @Test
    void refusesAFirstVersionStartingMoreThanAYearAheadNamingTheBounds() {
        fixture.givenNoPriorActivity()
                .when(new DefineKpiFrameworkCommand(CONTRACT, YearMonth.of(2999, 1), TEMPLATE, null))
                .expectException(violates("effective-from-too-far-ahead", "effectiveFrom"))
                .expectExceptionMessage("A framework version starts at most 12 months after the current month "
                        + "2019-03, so at the latest in 2020-03; got 2999-01")
                .expectNoEvents();
    }

    @Test
    void refusesARevisionStartingMoreThanAYearAheadAndAcceptsOneExactlyAYearAhead() {
        refusesOnceDefined(new ReviseKpiFrameworkCommand(CONTRACT, YearMonth.of(2020, 4), TEMPLATE, null),
                violates("effective-from-too-far-ahead", "effectiveFrom"));
        fixture.given(defined())
                .when(new ReviseKpiFrameworkCommand(CONTRACT, YearMonth.of(2020, 3), TEMPLATE, null))
                .expectEvents(new KpiFrameworkRevisedEvent(CONTRACT, 2, YearMonth.of(2020, 3), TEMPLATE, null));
    }

    @Test
    void refusesAKpiNameLongerThanTwoHundredCharacters() {
        refusesToDefine(List.of(new KpiDefinition("CALLS", "x".repeat(1024 * 1024), KpiUnit.PERCENT,
                        Direction.HIGHER_IS_BETTER, KpiTemplates.NINETY_STRETCH, true, ExpectedSource.PROVIDER)),
                "kpi-name-too-long", "kpis[0].name");
    }

    @Test
    void refusesMoreThanFiftyKpis() {
        List<KpiDefinition> kpis = IntStream.range(0, 51)
                .mapToObj(i -> percent("K" + i, i == 0, KpiTemplates.NINETY_STRETCH)).toList();
        refusesToDefine(kpis, "kpis-too-many", "kpis");
    }

    @Test
    void refusesALowerCaseKpiCode() {
        refusesToDefine(List.of(percent("calls", true, KpiTemplates.NINETY_STRETCH)),
                "kpi-code-invalid", "kpis[0].code");
    }

    @Test
    void definesTheFirstVersionFromTheServiceAreasTemplate() {
        fixture.givenNoPriorActivity()
                .when(new DefineKpiFrameworkCommand(CONTRACT, APRIL_2018, TEMPLATE, "EMOTIONAL_HEALTH_AND_WELLBEING"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new KpiFrameworkDefinedEvent(CONTRACT, 1, APRIL_2018, TEMPLATE,
                        "EMOTIONAL_HEALTH_AND_WELLBEING"));
    }

    @Test
    void storesTheBandsFromTheLowestValuesToTheHighestAndTheNamesTrimmed() {
        KpiDefinition given = new KpiDefinition(" WAIT-DAYS ", " Days to first appointment ", KpiUnit.DAYS,
                Direction.LOWER_IS_BETTER, List.of(Band.above(Rating.RED, "28"), Band.upTo(Rating.GREEN, "14"),
                Band.closed(Rating.AMBER, "15", "28")), true, ExpectedSource.BOTH);
        KpiDefinition stored = new KpiDefinition("WAIT-DAYS", "Days to first appointment", KpiUnit.DAYS,
                Direction.LOWER_IS_BETTER, List.of(Band.upTo(Rating.GREEN, "14"), Band.closed(Rating.AMBER, "15", "28"),
                Band.above(Rating.RED, "28")), true, ExpectedSource.BOTH);

        fixture.givenNoPriorActivity()
                .when(new DefineKpiFrameworkCommand(CONTRACT, APRIL_2018, List.of(given), null))
                .expectEvents(new KpiFrameworkDefinedEvent(CONTRACT, 1, APRIL_2018, List.of(stored), null));
    }

    @Test
    void refusesDefiningAFrameworkTwice() {
        refusesOnceDefined(new DefineKpiFrameworkCommand(CONTRACT, YearMonth.of(2019, 4), TEMPLATE, null),
                conflicts("framework-already-defined", "DEFINED"));
    }

    @Test
    void refusesTheBandsOfSource004AsPrintedNamingTheKpiAndTheValuesLeftUnrated() {
        KpiDefinition printed = percent("CALLS-TRIAGED-24H", true, List.of(Band.above(Rating.STRETCH, "95"),
                Band.closed(Rating.GREEN, "90", "94"), Band.closed(Rating.AMBER, "85", "89"), Band.below(Rating.RED, "85")));

        fixture.givenNoPriorActivity()
                .when(new DefineKpiFrameworkCommand(CONTRACT, APRIL_2018, List.of(printed), null))
                .expectException(violates("band-gap", "kpis[0].bands"))
                .expectExceptionMessage("KPI CALLS-TRIAGED-24H: values in (89, 90) are not rated; "
                        + "values in (94, 95] are not rated")
                .expectNoEvents();
    }

    @Test
    void refusesTheOverlappingBandsOfSource004AsPrinted() {
        KpiDefinition printed = percent("LAC-ASSESSED-2W", true, List.of(Band.above(Rating.STRETCH, "90"),
                Band.closed(Rating.GREEN, "85", "90"), Band.closed(Rating.AMBER, "80", "85"), Band.below(Rating.RED, "80")));

        fixture.givenNoPriorActivity()
                .when(new DefineKpiFrameworkCommand(CONTRACT, APRIL_2018, List.of(TEMPLATE.get(0), printed), null))
                .expectException(violates("band-overlap", "kpis[1].bands"))
                .expectExceptionMessage("KPI LAC-ASSESSED-2W: 85 is rated both GREEN and AMBER")
                .expectNoEvents();
    }

    @Test
    void refusesAFrameworkWithoutAHeadlineKpi() {
        refusesToDefine(List.of(percent("A", false, KpiTemplates.NINETY_STRETCH)), "headline-count", "kpis");
    }

    @Test
    void refusesMoreThanThreeHeadlineKpis() {
        List<KpiDefinition> four = List.of(percent("A", true, KpiTemplates.NINETY_STRETCH),
                percent("B", true, KpiTemplates.NINETY_STRETCH), percent("C", true, KpiTemplates.NINETY_STRETCH),
                percent("D", true, KpiTemplates.NINETY_STRETCH));

        fixture.givenNoPriorActivity()
                .when(new DefineKpiFrameworkCommand(CONTRACT, APRIL_2018, four, null))
                .expectException(violates("headline-count", "kpis"))
                .expectExceptionMessage("A framework has 1 to 3 headline KPIs, which the contract's overall rating "
                        + "is built from; got 4")
                .expectNoEvents();
    }

    @Test
    void refusesTwoKpisWithTheSameCode() {
        refusesToDefine(List.of(percent("CALLS", true, KpiTemplates.NINETY_STRETCH),
                        percent("CALLS", false, KpiTemplates.NINETY_STRETCH)),
                "kpi-code-duplicate", "kpis[1].code");
    }

    @Test
    void refusesAKpiCodeThatCannotBeWrittenInAUrlOrFile() {
        refusesToDefine(List.of(percent("calls triaged/24h", true, KpiTemplates.NINETY_STRETCH)),
                "kpi-code-invalid", "kpis[0].code");
    }

    @Test
    void refusesAKpiWithoutUnitOrName() {
        refusesToDefine(List.of(kpiA("A", null, Direction.HIGHER_IS_BETTER, ExpectedSource.PROVIDER)),
                "kpi-unit-required", "kpis[0].unit");
        refusesToDefine(List.of(kpiA(" ", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, ExpectedSource.PROVIDER)),
                "kpi-name-required", "kpis[0].name");
    }

    @Test
    void refusesAKpiWithoutDirectionOrExpectedSource() {
        refusesToDefine(List.of(kpiA("A", KpiUnit.PERCENT, null, ExpectedSource.PROVIDER)),
                "kpi-direction-required", "kpis[0].direction");
        refusesToDefine(List.of(kpiA("A", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, null)),
                "kpi-source-required", "kpis[0].expectedSource");
    }

    @Test
    void refusesAKpiWhoseBandsLackARating() {
        fixture.givenNoPriorActivity()
                .when(new DefineKpiFrameworkCommand(CONTRACT, APRIL_2018, List.of(percent("A", true, List.of(
                        Band.below(Rating.RED, "80"), Band.closedOpen(Rating.AMBER, "80", "90")))), null))
                .expectException(violates("band-missing", "kpis[0].bands"))
                .expectExceptionMessage("KPI A: A KPI needs GREEN, AMBER and RED bands (STRETCH is optional); missing GREEN")
                .expectNoEvents();
    }

    @Test
    void refusesAFrameworkWithoutKpisOrPeriod() {
        refusesToDefine(List.of(), "kpis-required", "kpis");
        fixture.givenNoPriorActivity()
                .when(new DefineKpiFrameworkCommand(CONTRACT, null, TEMPLATE, null))
                .expectException(violates("effective-from-required", "effectiveFrom"))
                .expectNoEvents();
    }

    @Test
    void revisesTheFrameworkAsTheNextVersionFromALaterPeriod() {
        List<KpiDefinition> revised = List.of(TEMPLATE.get(0), TEMPLATE.get(2));

        fixture.given(defined())
                .when(new ReviseKpiFrameworkCommand(CONTRACT, YearMonth.of(2019, 4), revised, null))
                .expectEvents(new KpiFrameworkRevisedEvent(CONTRACT, 2, YearMonth.of(2019, 4), revised, null));
    }

    @Test
    void numbersEachRevisionAfterTheLatest() {
        fixture.given(defined(), new KpiFrameworkRevisedEvent(CONTRACT, 2, YearMonth.of(2019, 4), TEMPLATE, null))
                .when(new ReviseKpiFrameworkCommand(CONTRACT, YearMonth.of(2020, 3), TEMPLATE, null))
                .expectEvents(new KpiFrameworkRevisedEvent(CONTRACT, 3, YearMonth.of(2020, 3), TEMPLATE, null));
    }

    @Test
    void refusesARevisionThatWouldChangeTheVersionOfPeriodsAlreadyGoverned() {
        fixture.given(defined(), new KpiFrameworkRevisedEvent(CONTRACT, 2, YearMonth.of(2019, 4), TEMPLATE, null))
                .when(new ReviseKpiFrameworkCommand(CONTRACT, YearMonth.of(2019, 4), TEMPLATE, null))
                .expectException(violates("effective-from-not-after-latest", "effectiveFrom"))
                .expectExceptionMessage("A revision applies from a period after 2019-04, when version 2 took effect, "
                        + "so earlier periods keep their version; got 2019-04")
                .expectNoEvents();
        refusesOnceDefined(new ReviseKpiFrameworkCommand(CONTRACT, YearMonth.of(2018, 1), TEMPLATE, null),
                violates("effective-from-not-after-latest", "effectiveFrom"));
    }

    @Test
    void refusesARevisionWithBandsThatDoNotFit() {
        KpiDefinition gap = percent("CALLS-TRIAGED-24H", true, List.of(Band.below(Rating.RED, "85"),
                Band.closedOpen(Rating.AMBER, "85", "90"), Band.closed(Rating.GREEN, "90", "99")));

        fixture.given(defined())
                .when(new ReviseKpiFrameworkCommand(CONTRACT, YearMonth.of(2019, 4), List.of(gap), null))
                .expectException(violates("band-gap", "kpis[0].bands"))
                .expectExceptionMessage("KPI CALLS-TRIAGED-24H: values in (99, 100] are not rated")
                .expectNoEvents();
    }

    @Test
    void refusesRevisingAFrameworkNeverDefined() {
        fixture.givenNoPriorActivity()
                .when(new ReviseKpiFrameworkCommand(CONTRACT, YearMonth.of(2019, 4), TEMPLATE, null))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class)
                .expectNoEvents();
    }

    private static KpiFrameworkDefinedEvent defined() {
        return new KpiFrameworkDefinedEvent(CONTRACT, 1, APRIL_2018, TEMPLATE, "EMOTIONAL_HEALTH_AND_WELLBEING");
    }

    private static KpiDefinition percent(String code, boolean headline, List<Band> bands) {
        return new KpiDefinition(code, "KPI " + code, KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, bands, headline,
                ExpectedSource.PROVIDER);
    }

    /** Defining a first version of {@code kpis} is refused for {@code rule} on {@code field}, storing nothing. */
    private void refusesToDefine(List<KpiDefinition> kpis, String rule, String field) {
        fixture.givenNoPriorActivity()
                .when(new DefineKpiFrameworkCommand(CONTRACT, APRIL_2018, kpis, null))
                .expectException(violates(rule, field))
                .expectNoEvents();
    }

    /** A headline KPI coded A with the bands of {@link KpiTemplates#NINETY_STRETCH}, otherwise as given. */
    private static KpiDefinition kpiA(String name, KpiUnit unit, Direction direction, ExpectedSource source) {
        return new KpiDefinition("A", name, unit, direction, KpiTemplates.NINETY_STRETCH, true, source);
    }

    /** A defined framework refuses {@code command} as {@code expected} and stores nothing. */
    private void refusesOnceDefined(Object command, Matcher<? extends Exception> expected) {
        fixture.given(defined()).when(command).expectException(expected).expectNoEvents();
    }
}
