package org.commissioning.contract.command;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(CLOCK);
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
        void registersTheExtensionOptionOfThreeYearsPlusOne() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "Sk8side", ServiceArea.YOUTH, Lot.districts("Ashford"),
                            VALUE, START, END, 12))
                    .expectEvents(REGISTERED);
        }

        @Test
        void registersAContractWhoseValueAndTermTheCouncilHasNotRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "Millmead", ServiceArea.CHILDRENS_CENTRES, Lot.districts("Thanet"),
                            null, null, null, null))
                    .expectEvents(new ContractRegisteredEvent(ID, "Millmead", ServiceArea.CHILDRENS_CENTRES,
                            Lot.districts("Thanet"), null, null, null, 0));
        }

        @Test
        void registersATwoAreaLot() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "Salus", ServiceArea.FAMILY_SUPPORT, Lot.areas("North", "West"),
                            new BigDecimal("860400.00"), LocalDate.of(2016, 10, 1), LocalDate.of(2020, 9, 30), null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void rejectsAnExtensionOfMoreThanFiveYears() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(), null, START, END, 61))
                    .expectException(violation("extension-months-range", "extensionMonths"))
                    .expectNoEvents();
        }

        @Test
        void rejectsANegativeExtension() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(), null, START, END, -1))
                    .expectException(violation("extension-months-range", "extensionMonths"))
                    .expectNoEvents();
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
        void rejectsAnEndDateOnTheStartDate() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(), null, START, START, null))
                    .expectException(violation("end-after-start", "end"))
                    .expectNoEvents();
        }

        @Test
        void rejectsANegativeAnnualValue() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "Salus", ServiceArea.YOUTH, Lot.county(),
                            new BigDecimal("-1"), START, END, null))
                    .expectException(violation("value-not-negative", "annualValueGbp"))
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

        @Test
        void rejectsADistrictNamedAsAnArea() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, Lot.areas("Ashford"), null, START, END, null))
                    .expectException(violation("unknown-area", "lot.names"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnAreaLotWithoutAreas() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, new Lot(LotScope.AREA, null), null, START, END, null))
                    .expectException(violation("lot-names-required", "lot.names"))
                    .expectNoEvents();
        }

        @Test
        void rejectsACountyLotThatNamesADistrict() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "X", ServiceArea.NEETS, new Lot(LotScope.COUNTY,
                            List.of("Dover")), null, START, END, null))
                    .expectException(violation("county-lot-has-no-names", "lot.names"))
                    .expectNoEvents();
        }

        @Test
        void rejectsADistrictNamedTwice() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterContractCommand(ID, "X", ServiceArea.YOUTH, Lot.districts("Dover", "Dover"), null, START, END, null))
                    .expectException(violation("duplicate-district", "lot.names"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Varying {

        @Test
        void variesTheAnnualValueKeepingTheEndDateAndAnswersTheNewVersion() {
            fixture.given(REGISTERED)
                    .when(new VaryContractCommand(ID, null, new BigDecimal("110000.00"), null, LocalDate.of(2018, 7, 1),
                            "Reduced reach agreed"))
                    .expectEvents(new ContractVariedEvent(ID, new BigDecimal("110000.00"), END, VALUE, END,
                            LocalDate.of(2018, 7, 1), "Reduced reach agreed"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void variesTheEndDate() {
            fixture.given(REGISTERED)
                    .when(new VaryContractCommand(ID, null, null, LocalDate.of(2019, 9, 30), LocalDate.of(2018, 7, 1),
                            "Aligned with the phase two contracts"))
                    .expectEvents(new ContractVariedEvent(ID, VALUE, LocalDate.of(2019, 9, 30), VALUE, END,
                            LocalDate.of(2018, 7, 1), "Aligned with the phase two contracts"));
        }

        @Test
        void rejectsAVariationThatNamesNothingToChange() {
            fixture.given(REGISTERED)
                    .when(new VaryContractCommand(ID, null, null, null, TODAY, "No reason"))
                    .expectException(violation("nothing-to-vary", null))
                    .expectNoEvents();
        }

        @Test
        void rejectsAVariationToTheCurrentValueAndEnd() {
            fixture.given(REGISTERED)
                    .when(new VaryContractCommand(ID, null, new BigDecimal("120000"), END, TODAY, "Same again"))
                    .expectException(violation("nothing-to-vary", null))
                    .expectNoEvents();
        }

        @Test
        void rejectsAVariationEffectiveAfterTheEndDate() {
            fixture.given(REGISTERED)
                    .when(new VaryContractCommand(ID, null, new BigDecimal("1.00"), null, LocalDate.of(2019, 4, 1), "Late"))
                    .expectException(violation("date-within-term", "effectiveDate"))
                    .expectNoEvents();
        }

        @Test
        void rejectsANewEndBeforeTheVariationTakesEffect() {
            fixture.given(REGISTERED)
                    .when(new VaryContractCommand(ID, null, null, LocalDate.of(2018, 6, 30), LocalDate.of(2018, 7, 1), "Cut"))
                    .expectException(violation("end-not-before-effective-date", "end"))
                    .expectNoEvents();
        }

        @Test
        void rejectsVaryingATerminatedContract() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new VaryContractCommand(ID, null, new BigDecimal("1.00"), null, TODAY, "Too late"))
                    .expectException(conflict("TERMINATED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsVaryingAnExpiredContract() {
            fixture.given(REGISTERED, EXPIRED)
                    .when(new VaryContractCommand(ID, null, new BigDecimal("1.00"), null, END, "Too late"))
                    .expectException(conflict("EXPIRED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Extending {

        @Test
        void extendsByTheWholeExtensionWhenNoDateIsGiven() {
            fixture.given(REGISTERED)
                    .when(new ExtendContractCommand(ID, null, null, "Option to extend taken"))
                    .expectEvents(new ContractExtendedEvent(ID, LocalDate.of(2020, 3, 31), END, "Option to extend taken"));
        }

        @Test
        void extendsToAGivenDateWithinTheExtension() {
            fixture.given(REGISTERED)
                    .when(new ExtendContractCommand(ID, null, LocalDate.of(2019, 9, 30), null))
                    .expectEvents(new ContractExtendedEvent(ID, LocalDate.of(2019, 9, 30), END, null));
        }

        @Test
        void rejectsExtendingTwice() {
            fixture.given(REGISTERED, new ContractExtendedEvent(ID, LocalDate.of(2019, 9, 30), END, null))
                    .when(new ExtendContractCommand(ID, null, LocalDate.of(2020, 3, 31), null))
                    .expectException(conflict("EXTENDED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsExtendingBeyondTheExtension() {
            fixture.given(REGISTERED)
                    .when(new ExtendContractCommand(ID, null, LocalDate.of(2020, 4, 1), null))
                    .expectException(conflict("ACTIVE"))
                    .expectExceptionMessage("An extension of 12 months allows an end date up to 2020-03-31, not 2020-04-01")
                    .expectNoEvents();
        }

        @Test
        void rejectsExtendingAContractWithoutAnExtensionOption() {
            fixture.given(registeredEnding(END, 0))
                    .when(new ExtendContractCommand(ID, null, null, null))
                    .expectException(conflict("ACTIVE"))
                    .expectNoEvents();
        }

        @Test
        void rejectsExtendingOnTheEndDate() {
            fixture.given(registeredEnding(TODAY, 12))
                    .when(new ExtendContractCommand(ID, null, null, null))
                    .expectException(conflict("ACTIVE"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnExtensionThatDoesNotEndAfterTheCurrentEnd() {
            fixture.given(REGISTERED)
                    .when(new ExtendContractCommand(ID, null, END, null))
                    .expectException(violation("extension-after-end", "end"))
                    .expectNoEvents();
        }

        @Test
        void rejectsExtendingATerminatedContract() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new ExtendContractCommand(ID, null, null, null))
                    .expectException(conflict("TERMINATED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsExtendingAnExpiredContract() {
            fixture.given(REGISTERED, EXPIRED)
                    .when(new ExtendContractCommand(ID, null, null, null))
                    .expectException(conflict("EXPIRED"))
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

        @Test
        void startsAnImprovementPlanNumberedOneDatedToday() {
            fixture.given(REGISTERED)
                    .when(new StartPlanCommand(ID, null, PlanKind.IMPROVEMENT_PLAN, "Registrations below target", ACTIONS))
                    .expectEvents(new PlanStartedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Registrations below target",
                            ACTIONS, TODAY));
        }

        @Test
        void numbersTheNextPlanAfterTheLastOne() {
            fixture.given(REGISTERED, PLAN_STARTED,
                            new PlanClosedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Partly met", LocalDate.of(2018, 5, 20)))
                    .when(new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, null, ACTIONS))
                    .expectEvents(new PlanStartedEvent(ID, 2, PlanKind.ACTION_PLAN, null, ACTIONS, TODAY));
        }

        @Test
        void rejectsStartingAPlanWhileOneIsOpen() {
            fixture.given(REGISTERED, PLAN_STARTED)
                    .when(new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, null, ACTIONS))
                    .expectException(conflict("IMPROVEMENT_PLAN_OPEN"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnActionDueBeforeThePlanStarts() {
            fixture.given(REGISTERED)
                    .when(new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, null, List.of(ACTIONS.get(0),
                            new PlanAction("Outreach", "Sk8side", LocalDate.of(2018, 5, 31)))))
                    .expectException(violation("action-due-not-in-past", "actions[1].dueDate"))
                    .expectNoEvents();
        }

        @Test
        void rejectsStartingAPlanOnATerminatedContract() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, null, ACTIONS))
                    .expectException(conflict("TERMINATED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsStartingAPlanOnAnExpiredContract() {
            fixture.given(REGISTERED, EXPIRED)
                    .when(new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, null, ACTIONS))
                    .expectException(conflict("EXPIRED"))
                    .expectNoEvents();
        }

        @Test
        void closesTheOpenPlanWithItsOutcome() {
            fixture.given(REGISTERED, PLAN_STARTED)
                    .when(new ClosePlanCommand(ID, null, "Registrations back on target"))
                    .expectEvents(new PlanClosedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Registrations back on target", TODAY));
        }

        @Test
        void rejectsClosingWhenNoPlanIsOpen() {
            fixture.given(REGISTERED)
                    .when(new ClosePlanCommand(ID, null, "Nothing to close"))
                    .expectException(conflict("NO_OPEN_PLAN"))
                    .expectNoEvents();
        }

        @Test
        void rejectsClosingAPlanTwice() {
            fixture.given(REGISTERED, PLAN_STARTED,
                            new PlanClosedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Met", LocalDate.of(2018, 5, 20)))
                    .when(new ClosePlanCommand(ID, null, "Met again"))
                    .expectException(conflict("NO_OPEN_PLAN"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Warnings {

        static final LocalDate DEADLINE = LocalDate.of(2018, 6, 29);

        @Test
        void issuesAFormalWarningDatedToday() {
            fixture.given(REGISTERED)
                    .when(new IssueContractWarningCommand(ID, null, List.of("Registrations below target "), DEADLINE))
                    .expectEvents(new ContractWarningIssuedEvent(ID, 1, List.of("Registrations below target"), TODAY, DEADLINE));
        }

        @Test
        void numbersTheSecondWarningTwo() {
            fixture.given(REGISTERED, new ContractWarningIssuedEvent(ID, 1, List.of("Late returns"),
                            LocalDate.of(2018, 4, 1), LocalDate.of(2018, 4, 30)))
                    .when(new IssueContractWarningCommand(ID, null, List.of("Still late"), DEADLINE))
                    .expectEvents(new ContractWarningIssuedEvent(ID, 2, List.of("Still late"), TODAY, DEADLINE));
        }

        @Test
        void rejectsWarningOnTerminatedContract() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new IssueContractWarningCommand(ID, null, List.of("Late returns"), DEADLINE))
                    .expectException(conflict("TERMINATED"))
                    .expectExceptionMessage("Contract " + ID + " is TERMINATED; it cannot be warned")
                    .expectNoEvents();
        }

        @Test
        void rejectsWarningOnExpiredContract() {
            fixture.given(REGISTERED, EXPIRED)
                    .when(new IssueContractWarningCommand(ID, null, List.of("Late returns"), DEADLINE))
                    .expectException(conflict("EXPIRED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAResponseDeadlineOnTheIssueDate() {
            fixture.given(REGISTERED)
                    .when(new IssueContractWarningCommand(ID, null, List.of("Late returns"), TODAY))
                    .expectException(violation("deadline-after-issue-date", "responseDeadline"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Terminating {

        @Test
        void terminatesAtTheProvidersDecision() {
            fixture.given(REGISTERED)
                    .when(new TerminateContractCommand(ID, null, TerminationInitiator.PROVIDER, LocalDate.of(2018, 8, 31),
                            "The provider has decided to end the contract"))
                    .expectEvents(TERMINATED);
        }

        @Test
        void terminatesByAgreementWithImmediateEffect() {
            fixture.given(REGISTERED)
                    .when(new TerminateContractCommand(ID, null, TerminationInitiator.AGREEMENT, TODAY, "Service moved"))
                    .expectEvents(new ContractTerminatedEvent(ID, TerminationInitiator.AGREEMENT, TODAY, "Service moved"));
        }

        @Test
        void rejectsTerminatingTwice() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new TerminateContractCommand(ID, null, TerminationInitiator.COUNCIL, TODAY, "Again"))
                    .expectException(conflict("TERMINATED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsTerminatingAnExpiredContract() {
            fixture.given(REGISTERED, EXPIRED)
                    .when(new TerminateContractCommand(ID, null, TerminationInitiator.COUNCIL, END, "Too late"))
                    .expectException(conflict("EXPIRED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsATerminationEffectiveAfterTheEndDate() {
            fixture.given(REGISTERED)
                    .when(new TerminateContractCommand(ID, null, TerminationInitiator.COUNCIL, LocalDate.of(2019, 4, 1), "Late"))
                    .expectException(violation("date-within-term", "effectiveDate"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Expiring {

        @Test
        void expiresOnItsEndDate() {
            fixture.given(registeredEnding(TODAY, 0))
                    .when(new ExpireContractCommand(ID, null))
                    .expectEvents(new ContractExpiredEvent(ID, TODAY));
        }

        @Test
        void expiresAtTheEndDateOfItsExtension() {
            fixture.given(registeredEnding(LocalDate.of(2018, 3, 31), 2),
                            new ContractExtendedEvent(ID, LocalDate.of(2018, 5, 31), LocalDate.of(2018, 3, 31), null))
                    .when(new ExpireContractCommand(ID, null))
                    .expectEvents(new ContractExpiredEvent(ID, LocalDate.of(2018, 5, 31)));
        }

        @Test
        void rejectsExpiringBeforeTheEndDate() {
            fixture.given(REGISTERED)
                    .when(new ExpireContractCommand(ID, null))
                    .expectException(conflict("ACTIVE"))
                    .expectNoEvents();
        }

        @Test
        void rejectsExpiringAContractWithoutAnEndDate() {
            fixture.given(registeredEnding(null, 0))
                    .when(new ExpireContractCommand(ID, null))
                    .expectException(conflict("ACTIVE"))
                    .expectNoEvents();
        }

        @Test
        void rejectsExpiringATerminatedContract() {
            fixture.given(registeredEnding(TODAY, 0), TERMINATED)
                    .when(new ExpireContractCommand(ID, null))
                    .expectException(conflict("TERMINATED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsExpiringTwice() {
            fixture.given(registeredEnding(TODAY, 0), new ContractExpiredEvent(ID, TODAY))
                    .when(new ExpireContractCommand(ID, null))
                    .expectException(conflict("EXPIRED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Recommissioning {

        @Test
        void recommissionsATerminatedContractByMiniProcurementWithASuccessor() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new RecommissionContractCommand(ID, null, RecommissioningRoute.MINI_PROCUREMENT, null, SUCCESSOR,
                            "Continuity of provision in Ashford"))
                    .expectEvents(new ContractRecommissionedEvent(ID, RecommissioningRoute.MINI_PROCUREMENT, null, SUCCESSOR,
                            "Continuity of provision in Ashford"));
        }

        @Test
        void recommissionsAnExpiredContractByReProcurementWithANewValue() {
            fixture.given(REGISTERED, EXPIRED)
                    .when(new RecommissionContractCommand(ID, null, RecommissioningRoute.RE_PROCUREMENT,
                            new BigDecimal("425484.00"), null, "Unmet need identified by the SEND inspection"))
                    .expectEvents(new ContractRecommissionedEvent(ID, RecommissioningRoute.RE_PROCUREMENT,
                            new BigDecimal("425484.00"), null, "Unmet need identified by the SEND inspection"));
        }

        @Test
        void recommissionsAnExpiredContractInHouse() {
            fixture.given(REGISTERED, EXPIRED)
                    .when(new RecommissionContractCommand(ID, null, RecommissioningRoute.IN_HOUSE, null, null,
                            "Aligned with the Early Help Units"))
                    .expectEvents(new ContractRecommissionedEvent(ID, RecommissioningRoute.IN_HOUSE, null, null,
                            "Aligned with the Early Help Units"));
        }

        @Test
        void rejectsRecommissioningAnActiveContract() {
            fixture.given(REGISTERED)
                    .when(new RecommissionContractCommand(ID, null, RecommissioningRoute.IN_HOUSE, null, null, "Early"))
                    .expectException(conflict("ACTIVE"))
                    .expectNoEvents();
        }

        @Test
        void rejectsRecommissioningTwice() {
            fixture.given(REGISTERED, TERMINATED, new ContractRecommissionedEvent(ID, RecommissioningRoute.IN_HOUSE,
                            null, null, "In-house"))
                    .when(new RecommissionContractCommand(ID, null, RecommissioningRoute.SERVICE_LEVEL_AGREEMENT, null,
                            null, "Changed our mind"))
                    .expectException(conflict("RECOMMISSIONED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAReProcurementWithoutANewValue() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new RecommissionContractCommand(ID, null, RecommissioningRoute.RE_PROCUREMENT, null, null, "Tender"))
                    .expectException(violation("new-value-required", "annualValueGbp"))
                    .expectNoEvents();
        }

        @Test
        void rejectsASuccessorForAServiceBroughtInHouse() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new RecommissionContractCommand(ID, null, RecommissioningRoute.IN_HOUSE, null, SUCCESSOR, "In-house"))
                    .expectException(violation("no-successor-in-house", "successorContractId"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAContractSucceedingItself() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new RecommissionContractCommand(ID, null, RecommissioningRoute.MINI_PROCUREMENT, null, ID, "Loop"))
                    .expectException(violation("successor-is-another-contract", "successorContractId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Payments {

        static final YearMonth MAY = YearMonth.of(2018, 5);

        @Test
        void authorisesAPeriodsPayment() {
            fixture.given(REGISTERED)
                    .when(new AuthorisePaymentCommand(ID, null, MAY, "KPIs met; figures reconcile", null))
                    .expectEvents(new PaymentAuthorisedEvent(ID, MAY, "KPIs met; figures reconcile", TODAY, null, null));
        }

        @Test
        void withholdsAPeriodsPayment() {
            fixture.given(REGISTERED)
                    .when(new WithholdPaymentCommand(ID, null, MAY, "Figures do not reconcile", null))
                    .expectEvents(new PaymentWithheldEvent(ID, MAY, "Figures do not reconcile", TODAY, null, null));
        }

        @Test
        void decidesTheCurrentMonth() {
            fixture.given(REGISTERED)
                    .when(new AuthorisePaymentCommand(ID, null, YearMonth.of(2018, 6), "Paid in advance by agreement", null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void rejectsASecondDecisionOnAPeriodWithoutASupersedingReason() {
            fixture.given(REGISTERED, new PaymentWithheldEvent(ID, MAY, "Figures do not reconcile", TODAY, null, null))
                    .when(new AuthorisePaymentCommand(ID, null, MAY, "Now they do", null))
                    .expectException(conflict("payment-already-decided", "WITHHELD"))
                    .expectNoEvents();
        }

        @Test
        void supersedesAWithholdingWithAnAuthorisationThatSaysWhy() {
            fixture.given(REGISTERED, new PaymentWithheldEvent(ID, MAY, "Figures do not reconcile", TODAY, null, null))
                    .when(new AuthorisePaymentCommand(ID, null, MAY, "Figures validated", "Corrected return reconciled"))
                    .expectEvents(new PaymentAuthorisedEvent(ID, MAY, "Figures validated", TODAY,
                            PaymentDecision.WITHHELD, "Corrected return reconciled"));
        }

        @Test
        void supersedesAnAuthorisationWithAWithholdingThatSaysWhy() {
            fixture.given(REGISTERED, new PaymentAuthorisedEvent(ID, MAY, "KPIs met", TODAY, null, null))
                    .when(new WithholdPaymentCommand(ID, null, MAY, "Figures double-counted", "Audit finding"))
                    .expectEvents(new PaymentWithheldEvent(ID, MAY, "Figures double-counted", TODAY,
                            PaymentDecision.AUTHORISED, "Audit finding"));
        }

        @Test
        void rejectsSupersedingADecisionWithTheSameDecision() {
            fixture.given(REGISTERED, new PaymentAuthorisedEvent(ID, MAY, "KPIs met", TODAY, null, null))
                    .when(new AuthorisePaymentCommand(ID, null, MAY, "KPIs met again", "Re-checked"))
                    .expectException(conflict("payment-decision-unchanged", "AUTHORISED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsASupersedingReasonWhenThereIsNothingToSupersede() {
            fixture.given(REGISTERED)
                    .when(new AuthorisePaymentCommand(ID, null, MAY, "KPIs met", "Nothing before"))
                    .expectException(violation("nothing-to-supersede", "supersedingReason"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAPeriodThatHasNotBegun() {
            fixture.given(REGISTERED)
                    .when(new AuthorisePaymentCommand(ID, null, YearMonth.of(2018, 7), "In advance", null))
                    .expectException(violation("period-not-in-future", "period"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAPeriodBeforeTheContractStarted() {
            fixture.given(REGISTERED)
                    .when(new AuthorisePaymentCommand(ID, null, YearMonth.of(2016, 3), "Before", null))
                    .expectException(violation("period-within-term", "period"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAPeriodAfterTheTerminationTookEffect() {
            fixture.given(REGISTERED, new ContractTerminatedEvent(ID, TerminationInitiator.COUNCIL,
                            LocalDate.of(2018, 4, 30), "Ended"))
                    .when(new AuthorisePaymentCommand(ID, null, MAY, "After the end", null))
                    .expectException(violation("period-within-term", "period"))
                    .expectNoEvents();
        }

        @Test
        void decidesThePaymentOfATerminatedContractForAMonthItRan() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new AuthorisePaymentCommand(ID, null, MAY, "Delivered in full", null))
                    .expectEvents(new PaymentAuthorisedEvent(ID, MAY, "Delivered in full", TODAY, null, null));
        }
    }

    @Nested
    class Versions {

        @Test
        void acceptsACommandMadeOnTheCurrentVersion() {
            fixture.given(REGISTERED, new ContractOfficersAssignedEvent(ID, "officer.jones", "manager.patel"))
                    .when(new IssueContractWarningCommand(ID, 1L, List.of("Late returns"), LocalDate.of(2018, 6, 29)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesACommandMadeOnAStaleVersion() {
            fixture.given(REGISTERED, new ContractOfficersAssignedEvent(ID, "officer.jones", "manager.patel"))
                    .when(new IssueContractWarningCommand(ID, 0L, List.of("Late returns"), LocalDate.of(2018, 6, 29)))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAStaleVersionBeforeAStateConflict() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new IssueContractWarningCommand(ID, 0L, List.of("Late returns"), LocalDate.of(2018, 6, 29)))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAVersionTheContractHasNotReached() {
            fixture.given(REGISTERED)
                    .when(new IssueContractWarningCommand(ID, 5L, List.of("Late returns"), LocalDate.of(2018, 6, 29)))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }
}
