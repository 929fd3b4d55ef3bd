package org.commissioning.contract.command;

import static org.commissioning.contract.command.Scenario.decides;
import static org.commissioning.contract.command.Scenario.refuses;
import static org.commissioning.contract.command.ContractTest.CLOCK;
import static org.commissioning.contract.command.ContractTest.ID;
import static org.commissioning.contract.command.ContractTest.PLAN_STARTED;
import static org.commissioning.contract.command.ContractTest.REGISTERED;
import static org.commissioning.contract.command.ContractTest.TERMINATED;
import static org.commissioning.contract.command.ContractTest.TODAY;
import static org.commissioning.contract.command.ContractTest.conflict;
import static org.commissioning.contract.command.ContractTest.violation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ContractRatingRecordedEvent;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.FlagOverdueMeetingCommand;
import org.commissioning.contract.api.MonitoringCadence;
import org.commissioning.contract.api.MonitoringCadenceChangedEvent;
import org.commissioning.contract.api.MonitoringMeetingHeldEvent;
import org.commissioning.contract.api.MonitoringMeetingOverdueEvent;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanKind;
import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.RecordContractRatingCommand;
import org.commissioning.contract.api.RecordMonitoringMeetingCommand;
import org.commissioning.contract.api.SetMonitoringCadenceCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Monitoring cadence, meetings, overdue meetings and escalation of the Contract aggregate; today is 1 June 2018. */
class ContractMonitoringTest {

    static final YearMonth MARCH = YearMonth.of(2018, 3);
    static final YearMonth APRIL = YearMonth.of(2018, 4);
    static final YearMonth MAY = YearMonth.of(2018, 5);
    static final List<String> ATTENDEES = List.of("officer.jones", "Sk8side service manager");
    static final List<PlanAction> MEETING_ACTIONS = List.of(
            new PlanAction("Weekly data returns", "Sk8side service manager", LocalDate.of(2018, 6, 15)));

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = Scenario.fixture();
    }

    static MonitoringCadenceChangedEvent cadence(Rating rating, MonitoringCadence cadence, MonitoringCadence previous,
                                                 LocalDate changedOn, LocalDate due) {
        return new MonitoringCadenceChangedEvent(ID, rating, cadence, previous, APRIL, changedOn, due);
    }

    static MonitoringMeetingHeldEvent meeting(int number, LocalDate heldOn, LocalDate nextDue) {
        return new MonitoringMeetingHeldEvent(ID, number, heldOn, ATTENDEES, "Notes", List.of(), nextDue);
    }

    static ContractRatingRecordedEvent rated(YearMonth period, Rating rating) {
        return new ContractRatingRecordedEvent(ID, period, rating, null);
    }

    @Nested
    class Cadence {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("setsTheCadenceTheFirstTimeDueOneCadenceFromToday",
                            new SetMonitoringCadenceCommand(ID, Rating.RED, APRIL),
                            List.of(cadence(Rating.RED, MonitoringCadence.MONTHLY, null, TODAY, LocalDate.of(2018, 7, 1))),
                            REGISTERED),
                    decides("countsTheNextMeetingFromTheLastMeetingHeld",
                            new SetMonitoringCadenceCommand(ID, Rating.RED, APRIL),
                            List.of(cadence(Rating.RED, MonitoringCadence.MONTHLY, null, TODAY, LocalDate.of(2018, 6, 10))),
                            REGISTERED, meeting(1, LocalDate.of(2018, 5, 10), null)),
                    decides("changesTheCadenceWithTheRating",
                            new SetMonitoringCadenceCommand(ID, Rating.AMBER, APRIL),
                            List.of(cadence(Rating.AMBER, MonitoringCadence.BI_MONTHLY, MonitoringCadence.QUARTERLY, TODAY,
                                    LocalDate.of(2018, 8, 1))),
                            REGISTERED,
                                    cadence(Rating.GREEN, MonitoringCadence.QUARTERLY, null, LocalDate.of(2018, 5, 1), LocalDate.of(2018, 8, 1))),
                    refuses("refusesAValueThatIsNotARating",
                            new SetMonitoringCadenceCommand(ID, Rating.NOT_RATED, APRIL),
                            violation("unknown-rating", "rating"),
                            REGISTERED));
        }

        @Test
        void mapsGreenAndStretchToQuarterlyAndAmberToBiMonthly() {
            fixture.given(REGISTERED)
                    .when(new SetMonitoringCadenceCommand(ID, Rating.STRETCH, APRIL))
                    .expectEvents(cadence(Rating.STRETCH, MonitoringCadence.QUARTERLY, null, TODAY, LocalDate.of(2018, 9, 1)));
            fixture.given(REGISTERED)
                    .when(new SetMonitoringCadenceCommand(ID, Rating.AMBER, APRIL))
                    .expectEvents(cadence(Rating.AMBER, MonitoringCadence.BI_MONTHLY, null, TODAY, LocalDate.of(2018, 8, 1)));
        }

        @Test
        void changesNothingWhenTheCadenceStaysTheSame() {
            fixture.given(REGISTERED,
                            cadence(Rating.GREEN, MonitoringCadence.QUARTERLY, null, LocalDate.of(2018, 5, 1), LocalDate.of(2018, 8, 1)))
                    .when(new SetMonitoringCadenceCommand(ID, Rating.STRETCH, APRIL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresARatingOfAContractNoLongerActive() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new SetMonitoringCadenceCommand(ID, Rating.RED, APRIL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Meetings {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("hasNoDueDateBeforeTheContractIsRated",
                            new RecordMonitoringMeetingCommand(ID, null, TODAY, ATTENDEES, "Notes", null),
                            List.of(new MonitoringMeetingHeldEvent(ID, 1, TODAY, ATTENDEES, "Notes", List.of(), null)),
                            REGISTERED),
                    decides("keepsTheLatestMeetingWhenAnEarlierOneIsRecordedLate",
                            new RecordMonitoringMeetingCommand(ID, null, LocalDate.of(2018, 4, 20), ATTENDEES, "Notes", null),
                            List.of(new MonitoringMeetingHeldEvent(ID, 2, LocalDate.of(2018, 4, 20), ATTENDEES, "Notes",
                                    List.of(), LocalDate.of(2018, 6, 20))),
                            REGISTERED,
                                    cadence(Rating.RED, MonitoringCadence.MONTHLY, null, LocalDate.of(2018, 4, 1), LocalDate.of(2018, 5, 1)),
                                    meeting(1, LocalDate.of(2018, 5, 20), LocalDate.of(2018, 6, 20))),
                    refuses("refusesAMeetingInTheFuture",
                            new RecordMonitoringMeetingCommand(ID, null, TODAY.plusDays(1), ATTENDEES, "Notes", null),
                            violation("meeting-not-in-future", "heldOn"),
                            REGISTERED));
        }

        @Test
        void recordsAMeetingAndRecomputesTheNextDueDate() {
            fixture.given(REGISTERED,
                            cadence(Rating.RED, MonitoringCadence.MONTHLY, null, LocalDate.of(2018, 5, 1), LocalDate.of(2018, 6, 1)))
                    .when(new RecordMonitoringMeetingCommand(ID, 1L, LocalDate.of(2018, 5, 30), ATTENDEES, " Notes ",
                            MEETING_ACTIONS))
                    .expectEvents(new MonitoringMeetingHeldEvent(ID, 1, LocalDate.of(2018, 5, 30), ATTENDEES, "Notes",
                            MEETING_ACTIONS, LocalDate.of(2018, 6, 30)))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesAnActionDueBeforeTheMeeting() {
            fixture.given(REGISTERED)
                    .when(new RecordMonitoringMeetingCommand(ID, null, TODAY, ATTENDEES, "Notes",
                            List.of(new PlanAction("Returns", "manager", TODAY.minusDays(1)))))
                    .expectException(violation("action-due-not-before-meeting", "actions[0].dueDate"));
        }

        @Test
        void refusesAMeetingOfATerminatedContract() {
            fixture.given(REGISTERED, TERMINATED)
                    .when(new RecordMonitoringMeetingCommand(ID, null, TODAY, ATTENDEES, "Notes", null))
                    .expectException(conflict("TERMINATED"));
        }

        @Test
        void refusesAMeetingBeforeTheContractStarts() {
            fixture.given(REGISTERED)
                    .when(new RecordMonitoringMeetingCommand(ID, null, LocalDate.of(2016, 3, 1), ATTENDEES, "Notes", null))
                    .expectException(violation("date-within-term", "heldOn"));
        }
    }

    @Nested
    class Overdue {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("flagsAMeetingNotHeldByItsDueDate",
                            new FlagOverdueMeetingCommand(ID),
                            List.of(new MonitoringMeetingOverdueEvent(ID, LocalDate.of(2018, 5, 31),
                                    MonitoringCadence.MONTHLY, null, TODAY)),
                            REGISTERED, DUE_MAY_31),
                    decides("flagsTheNextDueDateAgainOnceItIsMissedToo",
                            new FlagOverdueMeetingCommand(ID),
                            List.of(new MonitoringMeetingOverdueEvent(ID, LocalDate.of(2018, 5, 20),
                                    MonitoringCadence.MONTHLY, LocalDate.of(2018, 4, 20), TODAY)),
                            REGISTERED, cadence(Rating.RED, MonitoringCadence.MONTHLY, null, LocalDate.of(2018, 3, 1),
                                    LocalDate.of(2018, 4, 1)),
                                    new MonitoringMeetingOverdueEvent(ID, LocalDate.of(2018, 4, 1), MonitoringCadence.MONTHLY,
                                    null, LocalDate.of(2018, 4, 2)),
                                    meeting(1, LocalDate.of(2018, 4, 20), LocalDate.of(2018, 5, 20))));
        }

        static final MonitoringCadenceChangedEvent DUE_MAY_31 = cadence(Rating.RED, MonitoringCadence.MONTHLY, null,
                LocalDate.of(2018, 4, 30), LocalDate.of(2018, 5, 31));

        @Test
        void flagsEachDueDateOnce() {
            fixture.given(REGISTERED, DUE_MAY_31, new MonitoringMeetingOverdueEvent(ID, LocalDate.of(2018, 5, 31),
                            MonitoringCadence.MONTHLY, null, TODAY))
                    .when(new FlagOverdueMeetingCommand(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void doesNotFlagAMeetingDueTodayOrHeld() {
            fixture.given(REGISTERED, cadence(Rating.RED, MonitoringCadence.MONTHLY, null, LocalDate.of(2018, 5, 1), TODAY))
                    .when(new FlagOverdueMeetingCommand(ID))
                    .expectNoEvents();
            fixture.given(REGISTERED, DUE_MAY_31, meeting(1, LocalDate.of(2018, 5, 31), LocalDate.of(2018, 6, 30)))
                    .when(new FlagOverdueMeetingCommand(ID))
                    .expectNoEvents();
        }

        @Test
        void ignoresAContractWithoutCadenceOrNoLongerActive() {
            fixture.given(REGISTERED)
                    .when(new FlagOverdueMeetingCommand(ID))
                    .expectNoEvents();
            fixture.given(REGISTERED, DUE_MAY_31, TERMINATED)
                    .when(new FlagOverdueMeetingCommand(ID))
                    .expectNoEvents();
        }
    }

    @Nested
    class Escalation {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("recordsAPeriodsRating",
                            new RecordContractRatingCommand(ID, MAY, Rating.AMBER),
                            List.of(rated(MAY, Rating.AMBER)),
                            REGISTERED),
                    decides("recordsARevisedRatingOfAPeriod",
                            new RecordContractRatingCommand(ID, MAY, Rating.AMBER),
                            List.of(new ContractRatingRecordedEvent(ID, MAY, Rating.AMBER, Rating.RED)),
                            REGISTERED, rated(MAY, Rating.RED)),
                    decides("isDueAfterThreeConsecutiveRedMonths",
                            new RecordContractRatingCommand(ID, MAY, Rating.RED),
                            List.of(rated(MAY, Rating.RED),
                                    new EscalationDueEvent(ID, List.of(MARCH, APRIL, MAY), 3, TODAY)),
                            REGISTERED, rated(MARCH, Rating.RED), rated(APRIL, Rating.RED)),
                    decides("isDueOncePerStreak",
                            new RecordContractRatingCommand(ID, YearMonth.of(2018, 6), Rating.RED),
                            List.of(rated(YearMonth.of(2018, 6), Rating.RED)),
                            REGISTERED, rated(MARCH, Rating.RED), rated(APRIL, Rating.RED), rated(MAY, Rating.RED),
                                    new EscalationDueEvent(ID, List.of(MARCH, APRIL, MAY), 3, TODAY)),
                    decides("isDueWhenALateRatingCompletesTheStreak",
                            new RecordContractRatingCommand(ID, APRIL, Rating.RED),
                            List.of(rated(APRIL, Rating.RED), new EscalationDueEvent(ID, List.of(MARCH, APRIL, MAY), 3, TODAY)),
                            REGISTERED, rated(MARCH, Rating.RED), rated(MAY, Rating.RED)),
                    decides("isNotDueForAContractNoLongerActive",
                            new RecordContractRatingCommand(ID, MAY, Rating.RED),
                            List.of(rated(MAY, Rating.RED)),
                            REGISTERED, rated(MARCH, Rating.RED), rated(APRIL, Rating.RED), TERMINATED));
        }

        @Test
        void changesNothingForTheSameRatingOfAPeriodAgain() {
            fixture.given(REGISTERED, rated(MAY, Rating.RED))
                    .when(new RecordContractRatingCommand(ID, MAY, Rating.RED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesARatingWithoutItsPeriod() {
            fixture.given(REGISTERED)
                    .when(new RecordContractRatingCommand(ID, null, Rating.RED))
                    .expectException(violation("period-required", "period"));
        }

        @Test
        void isDueAgainForANewStreakAfterANonRedMonth() {
            YearMonth december = YearMonth.of(2017, 12);
            YearMonth january = YearMonth.of(2018, 1);
            YearMonth february = YearMonth.of(2018, 2);
            YearMonth june = YearMonth.of(2018, 6);
            fixture.given(REGISTERED, rated(december, Rating.RED), rated(january, Rating.RED), rated(february, Rating.RED),
                            new EscalationDueEvent(ID, List.of(december, january, february), 3, TODAY),
                            rated(MARCH, Rating.AMBER), rated(APRIL, Rating.RED), rated(MAY, Rating.RED))
                    .when(new RecordContractRatingCommand(ID, june, Rating.RED))
                    .expectEvents(rated(june, Rating.RED), new EscalationDueEvent(ID, List.of(APRIL, MAY, june), 3, TODAY));
        }

        @Test
        void isNotDueWhenAMonthIsMissingOrNotRated() {
            fixture.given(REGISTERED, rated(YearMonth.of(2018, 2), Rating.RED), rated(MARCH, Rating.RED))
                    .when(new RecordContractRatingCommand(ID, MAY, Rating.RED))
                    .expectEvents(rated(MAY, Rating.RED));
            fixture.given(REGISTERED, rated(MARCH, Rating.RED), rated(APRIL, Rating.NOT_RATED))
                    .when(new RecordContractRatingCommand(ID, MAY, Rating.RED))
                    .expectEvents(rated(MAY, Rating.RED));
        }

        @Test
        void isNotDueWhileAPlanIsOpenButIsOnceItIsClosed() {
            fixture.given(REGISTERED, PLAN_STARTED, rated(MARCH, Rating.RED), rated(APRIL, Rating.RED))
                    .when(new RecordContractRatingCommand(ID, MAY, Rating.RED))
                    .expectEvents(rated(MAY, Rating.RED));
            fixture.given(REGISTERED, PLAN_STARTED, rated(MARCH, Rating.RED), rated(APRIL, Rating.RED), rated(MAY, Rating.RED),
                            new PlanClosedEvent(ID, 1, PlanKind.IMPROVEMENT_PLAN, "Closed", TODAY))
                    .when(new RecordContractRatingCommand(ID, YearMonth.of(2018, 6), Rating.RED))
                    .expectEvents(rated(YearMonth.of(2018, 6), Rating.RED), new EscalationDueEvent(ID,
                            List.of(MARCH, APRIL, MAY, YearMonth.of(2018, 6)), 3, TODAY));
        }

        @Test
        void followsTheInjectedThreshold() {
            fixture = new AggregateTestFixture<>(Contract.class);
            fixture.registerInjectableResource(CLOCK);
            fixture.registerInjectableResource(new EscalationPolicy(2));
            fixture.given(REGISTERED, rated(APRIL, Rating.RED))
                    .when(new RecordContractRatingCommand(ID, MAY, Rating.RED))
                    .expectEvents(rated(MAY, Rating.RED), new EscalationDueEvent(ID, List.of(APRIL, MAY), 2, TODAY));
        }

    }

    @Nested
    class EndedAndFutureRatings {

        @Test
        void refusesAMeetingAfterTheContractEnds() {
            fixture.given(REGISTERED, new ContractVariedEvent(ID, ContractTest.VALUE, LocalDate.of(2018, 5, 15),
                            ContractTest.VALUE, ContractTest.END, LocalDate.of(2018, 5, 1), "Ended early by agreement"))
                    .when(new RecordMonitoringMeetingCommand(ID, null, LocalDate.of(2018, 5, 20), ATTENDEES, "Notes",
                            List.of()))
                    .expectException(violation("date-within-term", "heldOn"))
                    .expectNoEvents();
        }

        @Test
        void ignoresARatingOfAMonthThatHasNotBegun() {
            fixture.given(REGISTERED)
                    .when(new SetMonitoringCadenceCommand(ID, Rating.RED, YearMonth.of(2999, 1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(REGISTERED, rated(APRIL, Rating.RED), rated(MAY, Rating.RED))
                    .when(new RecordContractRatingCommand(ID, YearMonth.of(2018, 7), Rating.RED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anEndedContractGetsNoCadenceAndNoOverdueMeeting() {
            fixture.given(REGISTERED, cadence(Rating.RED, MonitoringCadence.MONTHLY, null, LocalDate.of(2018, 3, 1),
                            LocalDate.of(2018, 4, 1)), TERMINATED)
                    .when(new SetMonitoringCadenceCommand(ID, Rating.GREEN, MAY))
                    .expectNoEvents();
            fixture.given(REGISTERED, cadence(Rating.RED, MonitoringCadence.MONTHLY, null, LocalDate.of(2018, 3, 1),
                            LocalDate.of(2018, 4, 1)), ContractTest.EXPIRED)
                    .when(new FlagOverdueMeetingCommand(ID))
                    .expectNoEvents();
        }
    }
}
