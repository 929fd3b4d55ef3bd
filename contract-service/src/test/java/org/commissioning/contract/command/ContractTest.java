package org.commissioning.contract.command;

import static org.commissioning.contract.command.Scenario.decides;
import static org.commissioning.contract.command.Scenario.refuses;
import static org.hamcrest.Matchers.instanceOf;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.contract.api.AssignContractOfficersCommand;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.commissioning.contract.api.ClosePlanCommand;
import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractOfficersAssignedEvent;
import org.commissioning.contract.api.ContractRecommissionedEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ContractWarningIssuedEvent;
import org.commissioning.contract.api.ExpireContractCommand;
import org.commissioning.contract.api.ExtendContractCommand;
import org.commissioning.contract.api.IssueContractWarningCommand;
import org.commissioning.contract.api.Lot;
import org.commissioning.contract.api.LotScope;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PaymentWithheldEvent;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanKind;
import org.commissioning.contract.api.PlanStartedEvent;
import org.commissioning.contract.api.RecommissionContractCommand;
import org.commissioning.contract.api.RecommissioningRoute;
import org.commissioning.contract.api.RegisterContractCommand;
import org.commissioning.contract.api.ServiceArea;
import org.commissioning.contract.api.StartPlanCommand;
import org.commissioning.contract.api.TerminateContractCommand;
import org.commissioning.contract.api.TerminationInitiator;
import org.commissioning.contract.api.VaryContractCommand;
import org.commissioning.contract.api.WithholdPaymentCommand;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ContractTest {

    static final String ID = "0b6c2d2a-0000-4000-8000-000000000001";
    static final String SUCCESSOR = "0b6c2d2a-0000-4000-8000-000000000002";
    static final LocalDate START = LocalDate.of(2016, 4, 1);
    static final LocalDate END = LocalDate.of(2019, 3, 31);
    static final BigDecimal VALUE = new BigDecimal("120000.00");
    /** Today, for every test: 1 June 2018, in the council's zone. */
    static final LocalDate TODAY = LocalDate.of(2018, 6, 1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2018-06-01T09:00:00Z"), ZoneId.of("Europe/London"));

    static final ContractRegisteredEvent REGISTERED = new ContractRegisteredEvent(ID, "Sk8side", ServiceArea.YOUTH,
            Lot.districts("Ashford"), VALUE, START, END, 12);
    static final ContractTerminatedEvent TERMINATED = new ContractTerminatedEvent(ID, TerminationInitiator.PROVIDER,
            LocalDate.of(2018, 8, 31), "The provider has decided to end the contract");
    static final ContractExpiredEvent EXPIRED = new ContractExpiredEvent(ID, END);
    static final List<PlanAction> ACTIONS = List.of(
            new PlanAction("Weekly data returns", "Sk8side service manager", LocalDate.of(2018, 7, 1)),
            new PlanAction("Outreach in rural Ashford", "Sk8side youth lead", LocalDate.of(2018, 8, 31)));
    static final PlanStartedEvent PLAN_STARTED = new PlanStartedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN,
            "Registrations below target", ACTIONS, LocalDate.of(2018, 5, 1));

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = Scenario.fixture();
    }

    static Matcher<Object> conflict(String currentState) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof StateConflictException e && e.currentState().equals(currentState);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a StateConflictException in state " + currentState);
            }
        };
    }

    static Matcher<Object> conflict(String rule, String currentState) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof StateConflictException e && rule.equals(e.rule())
                        && e.currentState().equals(currentState);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a StateConflictException of rule " + rule + " in state " + currentState);
            }
        };
    }

    static Matcher<Object> violation(String rule, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolationException e && e.rule().equals(rule)
                        && java.util.Objects.equals(e.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolationException of rule " + rule + " on field " + field);
            }
        };
    }

    static ContractRegisteredEvent registeredEnding(LocalDate end, int extensionMonths) {
        return new ContractRegisteredEvent(ID, "Sk8side", ServiceArea.YOUTH, Lot.districts("Ashford"), VALUE, START,
                end, extensionMonths);
    }

    @Nested
    class Registering {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("registersTheExtensionOptionOfThreeYearsPlusOne",
                            new RegisterContractCommand(ID, "Sk8side", ServiceArea.YOUTH, Lot.districts("Ashford"),
                                    VALUE, START, END, 12),
                            List.of(REGISTERED)),
                    decides("registersAContractWhoseValueAndTermTheCouncilHasNotRecorded",
                            new RegisterContractCommand(ID, "Millmead", ServiceArea.CHILDRENS_CENTRES, Lot.districts("Thanet"),
                                    null, null, null, null),
                            List.of(new ContractRegisteredEvent(ID, "Millmead", ServiceArea.CHILDRENS_CENTRES,
                                    Lot.districts("Thanet"), null, null, null, 0))),
                    refuses("rejectsAnExtensionOfMoreThanFiveYears",
                            new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(), null, START, END, 61),
                            violation("extension-months-range", "extensionMonths")),
                    refuses("rejectsANegativeExtension",
                            new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(), null, START, END, -1),
                            violation("extension-months-range", "extensionMonths")),
                    refuses("rejectsAnEndDateOnTheStartDate",
                            new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(), null, START, START, null),
                            violation("end-after-start", "end")),
                    refuses("rejectsANegativeAnnualValue",
                            new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(),
                                    new BigDecimal("-1"), START, END, null),
                            violation("value-not-negative", "annualValueGbp")),
                    refuses("rejectsADistrictNamedAsAnArea",
                            new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, Lot.areas("Ashford"), null, START, END, null),
                            violation("unknown-area", "lot.names")),
                    refuses("rejectsAnAreaLotWithoutAreas",
                            new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, new Lot(LotScope.AREA, null), null, START, END, null),
                            violation("lot-names-required", "lot.names")),
                    refuses("rejectsACountyLotThatNamesADistrict",
                            new RegisterContractCommand(ID, "X", ServiceArea.NEETS, new Lot(LotScope.COUNTY,
                                    List.of("Dover")), null, START, END, null),
                            violation("county-lot-has-no-names", "lot.names")),
                    refuses("rejectsADistrictNamedTwice",
                            new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, Lot.districts("Dover", "Dover"), null, START, END, null),
                            violation("duplicate-district", "lot.names")));
        }

        @Test
        void registersADistrictContract() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "Sk8side", ServiceArea.YOUTH, Lot.districts("Ashford"),
                            new BigDecimal("100000.00"), START, END, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ContractRegisteredEvent(ID, "Sk8side", ServiceArea.YOUTH, Lot.districts("Ashford"),
                            new BigDecimal("100000.00"), START, END, 0));
        }

        @Test
        void registersATwoAreaLot() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "Salus", ServiceArea.FAMILY_SUPPORT, Lot.areas("North", "West"),
                            new BigDecimal("860400.00"), LocalDate.of(2016, 10, 1), LocalDate.of(2020, 9, 30), null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void rejectsAnEndDateBeforeTheStart() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(), null, END, START, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("The end date 2016-04-01 must be after the start date 2019-03-31")
                    .expectNoEvents();
        }

        @Test
        void rejectsAnUnknownDistrict() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, Lot.districts("Atlantis"), null, START, END, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("Unknown district [Atlantis]; known: [Dartford, Gravesham, Sevenoaks, Canterbury, "
                            + "Swale, Thanet, Ashford, Dover, Folkestone and Hythe, Maidstone, Tonbridge and Malling, Tunbridge Wells]")
                    .expectNoEvents();
        }

    }

    @Nested
    class Varying {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("variesTheEndDate",
                            new VaryContractCommand(ID, null, null, LocalDate.of(2019, 9, 30), LocalDate.of(2018, 7, 1),
                                    "Aligned with the phase two contracts"),
                            List.of(new ContractVariedEvent(ID, VALUE, LocalDate.of(2019, 9, 30), VALUE, END,
                                    LocalDate.of(2018, 7, 1), "Aligned with the phase two contracts")),
                            REGISTERED),
                    refuses("rejectsAVariationThatNamesNothingToChange",
                            new VaryContractCommand(ID, null, null, null, TODAY, "No reason"),
                            violation("nothing-to-vary", null),
                            REGISTERED),
                    refuses("rejectsAVariationToTheCurrentValueAndEnd",
                            new VaryContractCommand(ID, null, new BigDecimal("120000"), END, TODAY, "Same again"),
                            violation("nothing-to-vary", null),
                            REGISTERED),
                    refuses("rejectsAVariationEffectiveAfterTheEndDate",
                            new VaryContractCommand(ID, null, new BigDecimal("1.00"), null, LocalDate.of(2019, 4, 1), "Late"),
                            violation("date-within-term", "effectiveDate"),
                            REGISTERED),
                    refuses("rejectsANewEndBeforeTheVariationTakesEffect",
                            new VaryContractCommand(ID, null, null, LocalDate.of(2018, 6, 30), LocalDate.of(2018, 7, 1), "Cut"),
                            violation("end-not-before-effective-date", "end"),
                            REGISTERED),
                    refuses("rejectsVaryingATerminatedContract",
                            new VaryContractCommand(ID, null, new BigDecimal("1.00"), null, TODAY, "Too late"),
                            conflict("TERMINATED"),
                            REGISTERED, TERMINATED),
                    refuses("rejectsVaryingAnExpiredContract",
                            new VaryContractCommand(ID, null, new BigDecimal("1.00"), null, END, "Too late"),
                            conflict("EXPIRED"),
                            REGISTERED, EXPIRED));
        }

        @Test
        void variesTheAnnualValueKeepingTheEndDateAndAnswersTheNewVersion() {
            fixture.given(REGISTERED)
                    .when(new VaryContractCommand(ID, null, new BigDecimal("110000.00"), null, LocalDate.of(2018, 7, 1),
                            "Reduced reach agreed"))
                    .expectEvents(new ContractVariedEvent(ID, new BigDecimal("110000.00"), END, VALUE, END,
                            LocalDate.of(2018, 7, 1), "Reduced reach agreed"))
                    .expectResultMessagePayload(1L);
        }

    }

    @Nested
    class Extending {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("extendsByTheWholeExtensionWhenNoDateIsGiven",
                            new ExtendContractCommand(ID, null, null, "Option to extend taken"),
                            List.of(new ContractExtendedEvent(ID, LocalDate.of(2020, 3, 31), END, "Option to extend taken")),
                            REGISTERED),
                    decides("extendsToAGivenDateWithinTheExtension",
                            new ExtendContractCommand(ID, null, LocalDate.of(2019, 9, 30), null),
                            List.of(new ContractExtendedEvent(ID, LocalDate.of(2019, 9, 30), END, null)),
                            REGISTERED),
                    refuses("rejectsExtendingTwice",
                            new ExtendContractCommand(ID, null, LocalDate.of(2020, 3, 31), null),
                            conflict("EXTENDED"),
                            REGISTERED, new ContractExtendedEvent(ID, LocalDate.of(2019, 9, 30), END, null)),
                    refuses("rejectsExtendingAContractWithoutAnExtensionOption",
                            new ExtendContractCommand(ID, null, null, null),
                            conflict("ACTIVE"),
                            registeredEnding(END, 0)),
                    refuses("rejectsExtendingOnTheEndDate",
                            new ExtendContractCommand(ID, null, null, null),
                            conflict("ACTIVE"),
                            registeredEnding(TODAY, 12)),
                    refuses("rejectsAnExtensionThatDoesNotEndAfterTheCurrentEnd",
                            new ExtendContractCommand(ID, null, END, null),
                            violation("extension-after-end", "end"),
                            REGISTERED),
                    refuses("rejectsExtendingATerminatedContract",
                            new ExtendContractCommand(ID, null, null, null),
                            conflict("TERMINATED"),
                            REGISTERED, TERMINATED),
                    refuses("rejectsExtendingAnExpiredContract",
                            new ExtendContractCommand(ID, null, null, null),
                            conflict("EXPIRED"),
                            REGISTERED, EXPIRED));
        }

        @Test
        void rejectsExtendingBeyondTheExtension() {
            fixture.given(REGISTERED)
                    .when(new ExtendContractCommand(ID, null, LocalDate.of(2020, 4, 1), null))
                    .expectException(conflict("ACTIVE"))
                    .expectExceptionMessage("An extension of 12 months allows an end date up to 2020-03-31, not 2020-04-01")
                    .expectNoEvents();
        }

    }

    @Nested
    class AssigningOfficers {

        @Test
        void assignsTheLeadOfficerAndTheContractManager() {
            fixture.given(REGISTERED)
                    .when(new AssignContractOfficersCommand(ID, null, " officer.jones ", "manager.patel"))
                    .expectEvents(new ContractOfficersAssignedEvent(ID, "officer.jones", "manager.patel"));
        }

        @Test
        void storesNothingWhenTheSameOfficersAreAssignedAgain() {
            fixture.given(REGISTERED, new ContractOfficersAssignedEvent(ID, "officer.jones", "manager.patel"))
                    .when(new AssignContractOfficersCommand(ID, null, "officer.jones", "manager.patel"))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }
    }

    @Nested
    class Plans {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("startsAnImprovementPlanNumberedOneDatedToday",
                            new StartPlanCommand(ID, null, PlanKind.IMPROVEMENT_PLAN, "Registrations below target", ACTIONS),
                            List.of(new PlanStartedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Registrations below target",
                                    ACTIONS, TODAY)),
                            REGISTERED),
                    decides("numbersTheNextPlanAfterTheLastOne",
                            new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, null, ACTIONS),
                            List.of(new PlanStartedEvent(ID, 2, PlanKind.ACTION_PLAN, null, ACTIONS, TODAY)),
                            REGISTERED, PLAN_STARTED,
                                    new PlanClosedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Partly met", LocalDate.of(2018, 5, 20))),
                    refuses("rejectsStartingAPlanWhileOneIsOpen",
                            new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, null, ACTIONS),
                            conflict("IMPROVEMENT_PLAN_OPEN"),
                            REGISTERED, PLAN_STARTED),
                    refuses("rejectsAnActionDueBeforeThePlanStarts",
                            new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, null, List.of(ACTIONS.get(0),
                                    new PlanAction("Outreach", "Sk8side", LocalDate.of(2018, 5, 31)))),
                            violation("action-due-not-in-past", "actions[1].dueDate"),
                            REGISTERED),
                    refuses("rejectsStartingAPlanOnATerminatedContract",
                            new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, null, ACTIONS),
                            conflict("TERMINATED"),
                            REGISTERED, TERMINATED),
                    refuses("rejectsStartingAPlanOnAnExpiredContract",
                            new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, null, ACTIONS),
                            conflict("EXPIRED"),
                            REGISTERED, EXPIRED),
                    decides("closesTheOpenPlanWithItsOutcome",
                            new ClosePlanCommand(ID, null, "Registrations back on target"),
                            List.of(new PlanClosedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Registrations back on target", TODAY)),
                            REGISTERED, PLAN_STARTED),
                    refuses("rejectsClosingWhenNoPlanIsOpen",
                            new ClosePlanCommand(ID, null, "Nothing to close"),
                            conflict("NO_OPEN_PLAN"),
                            REGISTERED),
                    refuses("rejectsClosingAPlanTwice",
                            new ClosePlanCommand(ID, null, "Met again"),
                            conflict("NO_OPEN_PLAN"),
                            REGISTERED, PLAN_STARTED,
                                    new PlanClosedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Met", LocalDate.of(2018, 5, 20))));
        }

    }

    @Nested
    class Warnings {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("issuesAFormalWarningDatedToday",
                            new IssueContractWarningCommand(ID, null, List.of("Registrations below target "), DEADLINE),
                            List.of(new ContractWarningIssuedEvent(ID, 1, List.of("Registrations below target"), TODAY, DEADLINE)),
                            REGISTERED),
                    decides("numbersTheSecondWarningTwo",
                            new IssueContractWarningCommand(ID, null, List.of("Still late"), DEADLINE),
                            List.of(new ContractWarningIssuedEvent(ID, 2, List.of("Still late"), TODAY, DEADLINE)),
                            REGISTERED, new ContractWarningIssuedEvent(ID, 1, List.of("Late returns"),
                                    LocalDate.of(2018, 4, 1), LocalDate.of(2018, 4, 30))),
                    refuses("rejectsWarningOnExpiredContract",
                            new IssueContractWarningCommand(ID, null, List.of("Late returns"), DEADLINE),
                            conflict("EXPIRED"),
                            REGISTERED, EXPIRED),
                    refuses("rejectsAResponseDeadlineOnTheIssueDate",
                            new IssueContractWarningCommand(ID, null, List.of("Late returns"), TODAY),
                            violation("deadline-after-issue-date", "responseDeadline"),
                            REGISTERED));
        }

        static final LocalDate DEADLINE = LocalDate.of(2018, 6, 29);

        @Test
        void rejectsWarningOnTerminatedContract() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new IssueContractWarningCommand(ID, null, List.of("Late returns"), DEADLINE))
                    .expectException(conflict("TERMINATED"))
                    .expectExceptionMessage("Contract " + ID + " is TERMINATED; it cannot be warned")
                    .expectNoEvents();
        }

    }

    @Nested
    class Terminating {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("terminatesAtTheProvidersDecision",
                            new TerminateContractCommand(ID, null, TerminationInitiator.PROVIDER, LocalDate.of(2018, 8, 31),
                                    "The provider has decided to end the contract"),
                            List.of(TERMINATED),
                            REGISTERED),
                    decides("terminatesByAgreementWithImmediateEffect",
                            new TerminateContractCommand(ID, null, TerminationInitiator.AGREEMENT, TODAY, "Service moved"),
                            List.of(new ContractTerminatedEvent(ID, TerminationInitiator.AGREEMENT, TODAY, "Service moved")),
                            REGISTERED),
                    refuses("rejectsTerminatingTwice",
                            new TerminateContractCommand(ID, null, TerminationInitiator.COUNCIL, TODAY, "Again"),
                            conflict("TERMINATED"),
                            REGISTERED, TERMINATED),
                    refuses("rejectsTerminatingAnExpiredContract",
                            new TerminateContractCommand(ID, null, TerminationInitiator.COUNCIL, END, "Too late"),
                            conflict("EXPIRED"),
                            REGISTERED, EXPIRED),
                    refuses("rejectsATerminationEffectiveAfterTheEndDate",
                            new TerminateContractCommand(ID, null, TerminationInitiator.COUNCIL, LocalDate.of(2019, 4, 1), "Late"),
                            violation("date-within-term", "effectiveDate"),
                            REGISTERED));
        }

    }

    @Nested
    class Expiring {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("expiresOnItsEndDate",
                            new ExpireContractCommand(ID, null),
                            List.of(new ContractExpiredEvent(ID, TODAY)),
                            registeredEnding(TODAY, 0)),
                    decides("expiresAtTheEndDateOfItsExtension",
                            new ExpireContractCommand(ID, null),
                            List.of(new ContractExpiredEvent(ID, LocalDate.of(2018, 5, 31))),
                            registeredEnding(LocalDate.of(2018, 3, 31), 2),
                                    new ContractExtendedEvent(ID, LocalDate.of(2018, 5, 31), LocalDate.of(2018, 3, 31), null)),
                    refuses("rejectsExpiringBeforeTheEndDate",
                            new ExpireContractCommand(ID, null),
                            conflict("ACTIVE"),
                            REGISTERED),
                    refuses("rejectsExpiringAContractWithoutAnEndDate",
                            new ExpireContractCommand(ID, null),
                            conflict("ACTIVE"),
                            registeredEnding(null, 0)),
                    refuses("rejectsExpiringATerminatedContract",
                            new ExpireContractCommand(ID, null),
                            conflict("TERMINATED"),
                            registeredEnding(TODAY, 0), TERMINATED),
                    refuses("rejectsExpiringTwice",
                            new ExpireContractCommand(ID, null),
                            conflict("EXPIRED"),
                            registeredEnding(TODAY, 0), new ContractExpiredEvent(ID, TODAY)));
        }

    }

    @Nested
    class Recommissioning {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("recommissionsATerminatedContractByMiniProcurementWithASuccessor",
                            new RecommissionContractCommand(ID, null, RecommissioningRoute.MINI_PROCUREMENT, null, SUCCESSOR,
                                    "Continuity of provision in Ashford"),
                            List.of(new ContractRecommissionedEvent(ID, RecommissioningRoute.MINI_PROCUREMENT, null, SUCCESSOR,
                                    "Continuity of provision in Ashford")),
                            REGISTERED, TERMINATED),
                    decides("recommissionsAnExpiredContractByReProcurementWithANewValue",
                            new RecommissionContractCommand(ID, null, RecommissioningRoute.RE_PROCUREMENT,
                                    new BigDecimal("425484.00"), null, "Unmet need identified by the SEND inspection"),
                            List.of(new ContractRecommissionedEvent(ID, RecommissioningRoute.RE_PROCUREMENT,
                                    new BigDecimal("425484.00"), null, "Unmet need identified by the SEND inspection")),
                            REGISTERED, EXPIRED),
                    decides("recommissionsAnExpiredContractInHouse",
                            new RecommissionContractCommand(ID, null, RecommissioningRoute.IN_HOUSE, null, null,
                                    "Aligned with the Early Help Units"),
                            List.of(new ContractRecommissionedEvent(ID, RecommissioningRoute.IN_HOUSE, null, null,
                                    "Aligned with the Early Help Units")),
                            REGISTERED, EXPIRED),
                    refuses("rejectsRecommissioningAnActiveContract",
                            new RecommissionContractCommand(ID, null, RecommissioningRoute.IN_HOUSE, null, null, "Early"),
                            conflict("ACTIVE"),
                            REGISTERED),
                    refuses("rejectsRecommissioningTwice",
                            new RecommissionContractCommand(ID, null, RecommissioningRoute.SERVICE_LEVEL_AGREEMENT, null,
                                    null, "Changed our mind"),
                            conflict("RECOMMISSIONED"),
                            REGISTERED, TERMINATED, new ContractRecommissionedEvent(ID, RecommissioningRoute.IN_HOUSE,
                                    null, null, "In-house")),
                    refuses("rejectsAReProcurementWithoutANewValue",
                            new RecommissionContractCommand(ID, null, RecommissioningRoute.RE_PROCUREMENT, null, null, "Tender"),
                            violation("new-value-required", "annualValueGbp"),
                            REGISTERED, TERMINATED),
                    refuses("rejectsASuccessorForAServiceBroughtInHouse",
                            new RecommissionContractCommand(ID, null, RecommissioningRoute.IN_HOUSE, null, SUCCESSOR, "In-house"),
                            violation("no-successor-in-house", "successorContractId"),
                            REGISTERED, TERMINATED),
                    refuses("rejectsAContractSucceedingItself",
                            new RecommissionContractCommand(ID, null, RecommissioningRoute.MINI_PROCUREMENT, null, ID, "Loop"),
                            violation("successor-is-another-contract", "successorContractId"),
                            REGISTERED, TERMINATED));
        }

    }

    @Nested
    class Payments {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("withholdsAPeriodsPayment",
                            new WithholdPaymentCommand(ID, null, MAY, "Figures do not reconcile", null),
                            List.of(new PaymentWithheldEvent(ID, MAY, "Figures do not reconcile", TODAY, null, null)),
                            REGISTERED),
                    refuses("rejectsASecondDecisionOnAPeriodWithoutASupersedingReason",
                            new AuthorisePaymentCommand(ID, null, MAY, "Now they do", null),
                            conflict("payment-already-decided", "WITHHELD"),
                            REGISTERED, new PaymentWithheldEvent(ID, MAY, "Figures do not reconcile", TODAY, null, null)),
                    decides("supersedesAWithholdingWithAnAuthorisationThatSaysWhy",
                            new AuthorisePaymentCommand(ID, null, MAY, "Figures validated", "Corrected return reconciled"),
                            List.of(new PaymentAuthorisedEvent(ID, MAY, "Figures validated", TODAY,
                                    PaymentDecision.WITHHELD, "Corrected return reconciled")),
                            REGISTERED, new PaymentWithheldEvent(ID, MAY, "Figures do not reconcile", TODAY, null, null)),
                    decides("supersedesAnAuthorisationWithAWithholdingThatSaysWhy",
                            new WithholdPaymentCommand(ID, null, MAY, "Figures double-counted", "Audit finding"),
                            List.of(new PaymentWithheldEvent(ID, MAY, "Figures double-counted", TODAY,
                                    PaymentDecision.AUTHORISED, "Audit finding")),
                            REGISTERED, new PaymentAuthorisedEvent(ID, MAY, "KPIs met", TODAY, null, null)),
                    refuses("rejectsSupersedingADecisionWithTheSameDecision",
                            new AuthorisePaymentCommand(ID, null, MAY, "KPIs met again", "Re-checked"),
                            conflict("payment-decision-unchanged", "AUTHORISED"),
                            REGISTERED, new PaymentAuthorisedEvent(ID, MAY, "KPIs met", TODAY, null, null)),
                    refuses("rejectsASupersedingReasonWhenThereIsNothingToSupersede",
                            new AuthorisePaymentCommand(ID, null, MAY, "KPIs met", "Nothing before"),
                            violation("nothing-to-supersede", "supersedingReason"),
                            REGISTERED),
                    refuses("rejectsAPeriodThatHasNotBegun",
                            new AuthorisePaymentCommand(ID, null, YearMonth.of(2018, 7), "In advance", null),
                            violation("period-not-in-future", "period"),
                            REGISTERED),
                    refuses("rejectsAPeriodBeforeTheContractStarted",
                            new AuthorisePaymentCommand(ID, null, YearMonth.of(2016, 3), "Before", null),
                            violation("period-within-term", "period"),
                            REGISTERED),
                    refuses("rejectsAPeriodAfterTheTerminationTookEffect",
                            new AuthorisePaymentCommand(ID, null, MAY, "After the end", null),
                            violation("period-within-term", "period"),
                            REGISTERED, new ContractTerminatedEvent(ID, TerminationInitiator.COUNCIL,
                                    LocalDate.of(2018, 4, 30), "Ended")),
                    decides("decidesThePaymentOfATerminatedContractForAMonthItRan",
                            new AuthorisePaymentCommand(ID, null, MAY, "Delivered in full", null),
                            List.of(new PaymentAuthorisedEvent(ID, MAY, "Delivered in full", TODAY, null, null)),
                            REGISTERED, TERMINATED));
        }

        static final YearMonth MAY = YearMonth.of(2018, 5);

        @Test
        void authorisesAPeriodsPayment() {
            fixture.given(REGISTERED)
                    .when(new AuthorisePaymentCommand(ID, null, MAY, "KPIs met; figures reconcile", null))
                    .expectEvents(new PaymentAuthorisedEvent(ID, MAY, "KPIs met; figures reconcile", TODAY, null, null));
        }

        @Test
        void decidesTheCurrentMonth() {
            fixture.given(REGISTERED)
                    .when(new AuthorisePaymentCommand(ID, null, YearMonth.of(2018, 6), "Paid in advance by agreement", null))
                    .expectSuccessfulHandlerExecution();
        }

    }

    @Nested
    class Versions {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    refuses("refusesACommandMadeOnAStaleVersion",
                            new IssueContractWarningCommand(ID, 0L, List.of("Late returns"), LocalDate.of(2018, 6, 29)),
                            instanceOf(ConflictingAggregateVersionException.class),
                            REGISTERED, new ContractOfficersAssignedEvent(ID, "officer.jones", "manager.patel")),
                    refuses("refusesAStaleVersionBeforeAStateConflict",
                            new IssueContractWarningCommand(ID, 0L, List.of("Late returns"), LocalDate.of(2018, 6, 29)),
                            instanceOf(ConflictingAggregateVersionException.class),
                            REGISTERED, TERMINATED),
                    refuses("refusesAVersionTheContractHasNotReached",
                            new IssueContractWarningCommand(ID, 5L, List.of("Late returns"), LocalDate.of(2018, 6, 29)),
                            instanceOf(ConflictingAggregateVersionException.class),
                            REGISTERED));
        }

        @Test
        void acceptsACommandMadeOnTheCurrentVersion() {
            fixture.given(REGISTERED, new ContractOfficersAssignedEvent(ID, "officer.jones", "manager.patel"))
                    .when(new IssueContractWarningCommand(ID, 1L, List.of("Late returns"), LocalDate.of(2018, 6, 29)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }

    }
}
