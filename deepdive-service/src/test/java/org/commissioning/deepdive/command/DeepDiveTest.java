package org.commissioning.deepdive.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.commissioning.deepdive.api.Area;
import org.commissioning.deepdive.api.AreaGrade;
import org.commissioning.deepdive.api.ContractTerm;
import org.commissioning.deepdive.api.DeepDiveAction;
import org.commissioning.deepdive.api.DeepDiveAreaGradedEvent;
import org.commissioning.deepdive.api.DeepDiveCancelledEvent;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.DeepDiveCompletedEvent;
import org.commissioning.deepdive.api.DeepDiveLimits;
import org.commissioning.deepdive.api.DeepDiveOverdueEvent;
import org.commissioning.deepdive.api.DeepDivePlannedEvent;
import org.commissioning.deepdive.api.DeepDiveScheduledEvent;
import org.commissioning.deepdive.api.DeepDiveStartedEvent;
import org.commissioning.deepdive.api.Grade;
import org.commissioning.deepdive.api.VariationRecommendedEvent;
import org.commissioning.platform.domain.RefusedByRuleException;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeepDiveTest {

    static final String C = "2f0c5a4e-8d1b-4c1e-9a51-3f7f2d9b6a10";
    static final int YEAR = 2018;
    static final String ID = DeepDiveCommands.id(C, YEAR);
    static final ContractTerm TERM = new ContractTerm(LocalDate.of(2016, 10, 1), LocalDate.of(2020, 9, 30));
    static final List<String> DISTRICTS = List.of("Ashford");
    static final DeepDivePlannedEvent PLANNED = new DeepDivePlannedEvent(C, YEAR, LocalDate.of(2018, 10, 31),
            "Porchlight", DISTRICTS);
    static final DeepDiveScheduledEvent SCHEDULED = new DeepDiveScheduledEvent(C, YEAR, LocalDate.of(2018, 5, 24),
            "officer.jones", null, null);
    static final DeepDiveStartedEvent STARTED = new DeepDiveStartedEvent(C, YEAR, LocalDate.of(2018, 5, 24),
            "officer.jones");
    /** "Today" for every command: 1 June 2018. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2018-06-01T09:00:00Z"), ZoneId.of("Europe/London"));

    AggregateTestFixture<DeepDive> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DeepDive.class);
        fixture.registerInjectableResource(CLOCK);
    }

    // planning

    @Test
    void plansTheDeepDiveDueAtTheEndOfTheContractsAnniversaryMonthWithinTheYear() {
        fixture.givenNoPriorActivity().when(plan(null, TERM)).expectEvents(PLANNED);
    }

    @Test
    void plansAContractStartingInJanuaryDueInTheJanuaryOfTheFollowingCalendarYear() {
        fixture.givenNoPriorActivity()
                .when(plan(null, new ContractTerm(LocalDate.of(2017, 1, 15), null)))
                .expectEvents(new DeepDivePlannedEvent(C, YEAR, LocalDate.of(2019, 1, 31), "Porchlight",
                        DISTRICTS));
    }

    @Test
    void plansAContractEndingBeforeItsAnniversaryDueOnItsLastDay() {
        fixture.givenNoPriorActivity()
                .when(plan(null, new ContractTerm(LocalDate.of(2016, 10, 1), LocalDate.of(2018, 9, 30))))
                .expectEvents(new DeepDivePlannedEvent(C, YEAR, LocalDate.of(2018, 9, 30), "Porchlight",
                        DISTRICTS));
    }

    @Test
    void plansAContractWithoutRecordedDatesDueAtTheEndOfTheYear() {
        fixture.givenNoPriorActivity().when(plan(null, new ContractTerm(null, null)))
                .expectEvents(new DeepDivePlannedEvent(C, YEAR, LocalDate.of(2019, 3, 31), "Porchlight",
                        DISTRICTS));
    }

    @Test
    void plansTheDueDateTheOfficerSets() {
        fixture.givenNoPriorActivity().when(plan(LocalDate.of(2018, 5, 31), TERM))
                .expectEvents(new DeepDivePlannedEvent(C, YEAR, LocalDate.of(2018, 5, 31), "Porchlight",
                        DISTRICTS));
    }

    @Test
    void refusesASecondDeepDiveInTheSameYear() {
        conflict(fixture.given(PLANNED).when(plan(null, TERM)), "one-deep-dive-per-year", "PLANNED");
        conflict(fixture.given(PLANNED, historic()).when(plan(null, TERM)), "one-deep-dive-per-year", "COMPLETE");
    }

    @Test
    void refusesADeepDiveForAContractEndedBeforeTheYear() {
        conflict(fixture.givenNoPriorActivity()
                        .when(plan(null, new ContractTerm(LocalDate.of(2015, 4, 1), LocalDate.of(2018, 3, 31)))),
                "contract-ended", "ENDED");
    }

    @Test
    void refusesADeepDiveForAContractStartingAfterTheYear() {
        violation(fixture.givenNoPriorActivity()
                        .when(plan(null, new ContractTerm(LocalDate.of(2019, 4, 1), null))),
                "contract-active-in-year", "programmeYear");
    }

    @Test
    void refusesADueDateOutsideTheContractsTerm() {
        violation(fixture.givenNoPriorActivity()
                        .when(plan(LocalDate.of(2018, 12, 31),
                                new ContractTerm(LocalDate.of(2016, 4, 1), LocalDate.of(2018, 9, 30)))),
                "due-date-within-term", "dueDate");
        violation(fixture.givenNoPriorActivity()
                        .when(plan(LocalDate.of(2018, 5, 31), new ContractTerm(LocalDate.of(2018, 7, 1), null))),
                "due-date-within-term", "dueDate");
    }

    @Test
    void refusesADueDateOutsideTheProgrammeYear() {
        violation(fixture.givenNoPriorActivity().when(plan(LocalDate.of(2019, 4, 1), TERM)),
                "due-date-within-year", "dueDate");
    }

    // scheduling

    @Test
    void schedulesTheDateAndLeadOfficer() {
        fixture.given(PLANNED).when(schedule(LocalDate.of(2018, 5, 24), null)).expectEvents(SCHEDULED);
    }

    @Test
    void reschedulesWithAReasonKeepingTheDateMovedFrom() {
        fixture.given(PLANNED, SCHEDULED).when(schedule(LocalDate.of(2018, 6, 14), "  Manager on leave  "))
                .expectEvents(new DeepDiveScheduledEvent(C, YEAR, LocalDate.of(2018, 6, 14), "officer.jones",
                        LocalDate.of(2018, 5, 24), "Manager on leave"));
    }

    @Test
    void refusesAReschedulingWithoutAReason() {
        violation(fixture.given(PLANNED, SCHEDULED).when(schedule(LocalDate.of(2018, 6, 14), " ")),
                "reschedule-reason", "reason");
    }

    @Test
    void refusesADateOutsideTheTermOrTheYear() {
        violation(fixture.given(PLANNED).when(new DeepDiveCommands.Schedule(ID, LocalDate.of(2018, 11, 1),
                        "officer.jones", null, new ContractTerm(LocalDate.of(2016, 4, 1), LocalDate.of(2018, 10, 31)))),
                "date-within-term", "date");
        violation(fixture.given(PLANNED).when(schedule(LocalDate.of(2019, 5, 1), null)), "date-within-year", "date");
    }

    @Test
    void refusesToScheduleAStartedOrFinishedDeepDive() {
        conflict(fixture.given(PLANNED, STARTED).when(schedule(LocalDate.of(2018, 6, 14), "Later")),
                "deep-dive-not-started", "IN_PROGRESS");
        conflict(fixture.given(PLANNED, cancelled()).when(schedule(LocalDate.of(2018, 6, 14), "Later")),
                "deep-dive-open", "CANCELLED");
    }

    // starting and grading

    @Test
    void startsAPlannedOrScheduledDeepDive() {
        fixture.given(PLANNED).when(new DeepDiveCommands.Start(ID, "officer.jones"))
                .expectEvents(new DeepDiveStartedEvent(C, YEAR, LocalDate.of(2018, 6, 1), "officer.jones"));
        fixture.given(PLANNED, SCHEDULED).when(new DeepDiveCommands.Start(ID, "officer.jones"))
                .expectEvents(new DeepDiveStartedEvent(C, YEAR, LocalDate.of(2018, 6, 1), "officer.jones"));
    }

    @Test
    void startsAnOverdueDeepDive() {
        fixture.given(PLANNED, SCHEDULED, new DeepDiveOverdueEvent(C, YEAR, SCHEDULED.date()))
                .when(new DeepDiveCommands.Start(ID, "officer.jones"))
                .expectEvents(new DeepDiveStartedEvent(C, YEAR, LocalDate.of(2018, 6, 1), "officer.jones"));
    }

    @Test
    void refusesToStartTwice() {
        conflict(fixture.given(PLANNED, STARTED).when(new DeepDiveCommands.Start(ID, "officer.jones")),
                "deep-dive-not-started", "IN_PROGRESS");
    }

    @Test
    void gradesAnAreaWithItsEvidenceAndFindings() {
        fixture.given(PLANNED, STARTED).when(grade(5, "GOOD"))
                .expectEvents(new DeepDiveAreaGradedEvent(C, YEAR, Area.VOICE_OF_THE_CHILD, Grade.GOOD,
                        "Ten case files sampled", "Children's views recorded in most plans", null));
    }

    @Test
    void refusesAGradeOutsideTheScale() {
        violation(fixture.given(PLANNED, STARTED).when(grade(1, "EXCELLENT")), "grade-on-scale", "grade");
        violation(fixture.given(PLANNED, STARTED).when(grade(1, "good")), "grade-on-scale", "grade");
        violation(fixture.given(PLANNED, STARTED).when(grade(1, null)), "grade-on-scale", "grade");
    }

    @Test
    void refusesAnAreaOutsideTheNine() {
        violation(fixture.given(PLANNED, STARTED).when(grade(0, "GOOD")), "area-within-nine", "area");
        violation(fixture.given(PLANNED, STARTED).when(grade(10, "GOOD")), "area-within-nine", "area");
    }

    @Test
    void refusesToGradeADeepDiveNotInProgress() {
        conflict(fixture.given(PLANNED).when(grade(1, "GOOD")), "deep-dive-in-progress", "PLANNED");
        conflict(fixture.given(PLANNED, STARTED, completed(Grade.GOOD)).when(grade(1, "GOOD")),
                "deep-dive-in-progress", "COMPLETE");
    }

    @Test
    void refusesEvidenceOrFindingsOverTheLimit() {
        String tooLong = "x".repeat(DeepDiveLimits.MAX_TEXT + 1);
        violation(fixture.given(PLANNED, STARTED).when(new DeepDiveCommands.GradeArea(ID, 1, "GOOD", tooLong,
                "Findings", false, null)), "text-limit", "evidence");
        violation(fixture.given(PLANNED, STARTED).when(new DeepDiveCommands.GradeArea(ID, 1, "GOOD", "Evidence",
                tooLong, false, null)), "text-limit", "findings");
        fixture.given(PLANNED, STARTED).when(new DeepDiveCommands.GradeArea(ID, 1, "GOOD",
                "x".repeat(DeepDiveLimits.MAX_TEXT), "Findings", false, null)).expectSuccessfulHandlerExecution();
    }

    @Test
    void recommendsAVariationOnlyFromArea9AndWithAReason() {
        fixture.given(PLANNED, STARTED).when(variation(9, "Demand doubled; add a session a week"))
                .expectEvents(new DeepDiveAreaGradedEvent(C, YEAR, Area.LESSONS_AND_VARIATION, Grade.GOOD,
                        "Evidence", "Findings", "Demand doubled; add a session a week"));
        violation(fixture.given(PLANNED, STARTED).when(variation(4, "Demand doubled")), "variation-on-area-9",
                "variationRecommended");
        violation(fixture.given(PLANNED, STARTED).when(variation(9, " ")), "variation-reason", "variationReason");
    }

    // completing

    @Test
    void completesWithTheSuggestedGradeAndNoRationale() {
        fixture.given(gradedAll(Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD,
                        Grade.REQUIRES_IMPROVEMENT, Grade.GOOD, Grade.OUTSTANDING, Grade.GOOD))
                .when(complete("GOOD", null))
                .expectEvents(new DeepDiveCompletedEvent(C, YEAR, LocalDate.of(2018, 6, 1), Grade.GOOD, Grade.GOOD,
                        null, areas(Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD,
                        Grade.REQUIRES_IMPROVEMENT, Grade.GOOD, Grade.OUTSTANDING, Grade.GOOD),
                        List.of("Reaches young people"), List.of("Session records"),
                        List.of(new DeepDiveAction("Add an outcome field", "Service manager",
                                LocalDate.of(2018, 7, 31))), null, false, null));
    }

    @Test
    void requiresARationaleWhenTheOverallGradeDiffersFromTheSuggestedOne() {
        List<Object> given = gradedAll(Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD,
                Grade.GOOD, Grade.GOOD, Grade.GOOD);
        violation(fixture.given(given).when(complete("OUTSTANDING", "  ")), "rationale-when-overall-differs",
                "rationale");
        fixture.given(given).when(complete("OUTSTANDING", "Exceptional practice seen in every file"))
                .expectEvents(completion(Grade.OUTSTANDING, Grade.GOOD, "Exceptional practice seen in every file",
                        null, ALL_GOOD));
    }

    @Test
    void refusesToCompleteWithAreasMissingAndNamesThem() {
        List<Object> given = new ArrayList<>(List.of(PLANNED, STARTED));
        for (Area area : Area.values()) {
            if (area != Area.VOICE_OF_THE_CHILD && area != Area.LESSONS_AND_VARIATION) {
                given.add(graded(area, Grade.GOOD, null));
            }
        }
        fixture.given(given).when(complete("GOOD", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("Completing needs all nine areas graded; not graded: 5 VOICE_OF_THE_CHILD, "
                        + "9 LESSONS_AND_VARIATION")
                .expectNoEvents();
        violation(fixture.given(given).when(complete("GOOD", null)), "all-areas-graded", "areas");
    }

    @Test
    void refusesAnOverallGradeOutsideTheScale() {
        violation(fixture.given(gradedAll(Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD,
                Grade.GOOD, Grade.GOOD, Grade.GOOD)).when(complete("SATISFACTORY", "Why")), "grade-on-scale",
                "overallGrade");
    }

    @Test
    void refusesToCompleteADeepDiveNotStartedOrCompletedAlready() {
        conflict(fixture.given(PLANNED, SCHEDULED).when(complete("GOOD", null)), "deep-dive-in-progress",
                "SCHEDULED");
        conflict(fixture.given(PLANNED, STARTED, completed(Grade.GOOD)).when(complete("GOOD", null)),
                "deep-dive-in-progress", "COMPLETE");
    }

    @Test
    void completesAnEvaluationRecommendingAVariationAndRecommendsItOnTheContract() {
        List<Object> given = gradedAll(Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD,
                Grade.GOOD, Grade.GOOD, Grade.GOOD);
        given.add(graded(Area.LESSONS_AND_VARIATION, Grade.GOOD, "Demand doubled"));
        fixture.given(given).when(complete("GOOD", null))
                .expectEvents(completion(Grade.GOOD, Grade.GOOD, null, "Demand doubled", ALL_GOOD),
                        new VariationRecommendedEvent(C, YEAR, "Demand doubled"));
    }

    @Test
    void aLaterGradeOfArea9WithoutARecommendationWithdrawsIt() {
        List<Object> given = gradedAll(Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD,
                Grade.GOOD, Grade.GOOD, Grade.GOOD);
        given.add(graded(Area.LESSONS_AND_VARIATION, Grade.GOOD, "Demand doubled"));
        given.add(graded(Area.LESSONS_AND_VARIATION, Grade.GOOD, null));
        fixture.given(given).when(complete("GOOD", null))
                .expectEvents(completion(Grade.GOOD, Grade.GOOD, null, null, ALL_GOOD));
    }

    @Test
    void refusesListsAndTextsOverTheirLimits() {
        List<Object> given = gradedAll(Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD,
                Grade.GOOD, Grade.GOOD, Grade.GOOD);
        List<String> tooMany = Collections.nCopies(DeepDiveLimits.MAX_ITEMS + 1, "A strength");
        violation(fixture.given(given).when(new DeepDiveCommands.Complete(ID, "GOOD", null, tooMany, List.of(),
                List.of())), "list-limit", "strengths");
        violation(fixture.given(given).when(new DeepDiveCommands.Complete(ID, "GOOD", null, List.of(),
                List.of("x".repeat(DeepDiveLimits.MAX_ITEM + 1)), List.of())), "text-limit",
                "areasForImprovement[0]");
        violation(fixture.given(given).when(new DeepDiveCommands.Complete(ID, "GOOD", null, List.of(), List.of(),
                Collections.nCopies(DeepDiveLimits.MAX_ACTIONS + 1, action("Owner", LocalDate.of(2018, 7, 31))))),
                "list-limit", "actions");
        violation(fixture.given(given).when(new DeepDiveCommands.Complete(ID, "GOOD",
                "x".repeat(DeepDiveLimits.MAX_TEXT + 1), List.of(), List.of(), List.of())), "text-limit", "rationale");
    }

    @Test
    void refusesAnActionWithoutAnOwnerOrADueDate() {
        List<Object> given = gradedAll(Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD,
                Grade.GOOD, Grade.GOOD, Grade.GOOD);
        violation(fixture.given(given).when(new DeepDiveCommands.Complete(ID, "GOOD", null, List.of(), List.of(),
                List.of(action("Owner", LocalDate.of(2018, 7, 31)), action(" ", LocalDate.of(2018, 7, 31))))),
                "action-owner-and-due-date", "actions[1].owner");
        violation(fixture.given(given).when(new DeepDiveCommands.Complete(ID, "GOOD", null, List.of(), List.of(),
                List.of(action("Owner", null)))), "action-owner-and-due-date", "actions[0].dueDate");
    }

    // historic records

    @Test
    void recordsAHistoricCompletionWithoutGrades() {
        fixture.given(PLANNED)
                .when(new DeepDiveCommands.RecordHistoricCompletion(ID, LocalDate.of(2018, 5, 31), " Fig. 1 "))
                .expectEvents(new DeepDiveCompletedEvent(C, YEAR, LocalDate.of(2018, 5, 31), null, null, null,
                        List.of(), List.of(), List.of(), List.of(), null, true, "Fig. 1"));
    }

    @Test
    void refusesAHistoricCompletionWithoutASourceInTheFutureOrOfAFinishedDeepDive() {
        violation(fixture.given(PLANNED).when(new DeepDiveCommands.RecordHistoricCompletion(ID, null, " ")),
                "text-required", "sourceReference");
        violation(fixture.given(PLANNED).when(new DeepDiveCommands.RecordHistoricCompletion(ID,
                LocalDate.of(2018, 6, 2), "Fig. 1")), "completed-on-not-future", "completedOn");
        conflict(fixture.given(PLANNED, historic()).when(new DeepDiveCommands.RecordHistoricCompletion(ID, null,
                "Fig. 1")), "deep-dive-open", "COMPLETE");
    }

    // overdue

    @Test
    void recordsOverdueOncePerDueDate() {
        DeepDiveOverdueEvent overdue = new DeepDiveOverdueEvent(C, YEAR, SCHEDULED.date());
        fixture.given(PLANNED, SCHEDULED).when(new DeepDiveCommands.RecordOverdue(ID, SCHEDULED.date()))
                .expectEvents(overdue).expectResultMessagePayload(true);
        fixture.given(PLANNED, SCHEDULED, overdue).when(new DeepDiveCommands.RecordOverdue(ID, SCHEDULED.date()))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void recordsNothingOverdueBeforeTheDueDateForAMovedDateOrAFinishedDeepDive() {
        fixture.given(PLANNED).when(new DeepDiveCommands.RecordOverdue(ID, PLANNED.dueDate())).expectNoEvents();
        fixture.given(PLANNED, SCHEDULED).when(new DeepDiveCommands.RecordOverdue(ID, PLANNED.dueDate()))
                .expectNoEvents();
        fixture.given(PLANNED, SCHEDULED, historic()).when(new DeepDiveCommands.RecordOverdue(ID, SCHEDULED.date()))
                .expectNoEvents();
        fixture.given(PLANNED, SCHEDULED, cancelled()).when(new DeepDiveCommands.RecordOverdue(ID,
                SCHEDULED.date())).expectNoEvents();
    }

    @Test
    void showsAnOverdueDeepDiveAsOverdueInARefusal() {
        conflict(fixture.given(PLANNED, SCHEDULED, new DeepDiveOverdueEvent(C, YEAR, SCHEDULED.date()))
                .when(plan(null, TERM)), "one-deep-dive-per-year", "OVERDUE");
    }

    @Test
    void aRescheduledOverdueDeepDiveIsOverdueAgainOnlyForItsNewDate() {
        DeepDiveOverdueEvent first = new DeepDiveOverdueEvent(C, YEAR, SCHEDULED.date());
        DeepDiveScheduledEvent moved = new DeepDiveScheduledEvent(C, YEAR, LocalDate.of(2018, 5, 30),
                "officer.jones", SCHEDULED.date(), "Provider asked");
        fixture.given(PLANNED, SCHEDULED, first, moved)
                .when(new DeepDiveCommands.RecordOverdue(ID, LocalDate.of(2018, 5, 30)))
                .expectEvents(new DeepDiveOverdueEvent(C, YEAR, LocalDate.of(2018, 5, 30)));
    }

    // cancelling

    @Test
    void cancelsAnUnfinishedDeepDiveWithTheReason() {
        fixture.given(PLANNED, STARTED).when(new DeepDiveCommands.Cancel(ID, "The contract was terminated"))
                .expectEvents(new DeepDiveCancelledEvent(C, YEAR, "The contract was terminated"));
    }

    @Test
    void refusesToCancelWithoutAReasonOrAFinishedDeepDive() {
        violation(fixture.given(PLANNED).when(new DeepDiveCommands.Cancel(ID, " ")), "text-required", "reason");
        conflict(fixture.given(PLANNED, historic()).when(new DeepDiveCommands.Cancel(ID, "Ended")),
                "deep-dive-open", "COMPLETE");
        conflict(fixture.given(PLANNED, cancelled()).when(new DeepDiveCommands.Cancel(ID, "Ended")),
                "deep-dive-open", "CANCELLED");
    }

    // helpers

    static DeepDiveCommands.Plan plan(LocalDate due, ContractTerm term) {
        return new DeepDiveCommands.Plan(ID, C, YEAR, due, "Porchlight", DISTRICTS, term);
    }

    static DeepDiveCommands.Schedule schedule(LocalDate date, String reason) {
        return new DeepDiveCommands.Schedule(ID, date, "officer.jones", reason, TERM);
    }

    static DeepDiveCommands.GradeArea grade(int area, String grade) {
        return new DeepDiveCommands.GradeArea(ID, area, grade, "Ten case files sampled",
                "Children's views recorded in most plans", false, null);
    }

    static DeepDiveCommands.GradeArea variation(int area, String reason) {
        return new DeepDiveCommands.GradeArea(ID, area, "GOOD", "Evidence", "Findings", true, reason);
    }

    static DeepDiveCommands.Complete complete(String overall, String rationale) {
        return new DeepDiveCommands.Complete(ID, overall, rationale, List.of(" Reaches young people "),
                List.of("Session records"), List.of(new DeepDiveAction(" Add an outcome field ", " Service manager ",
                LocalDate.of(2018, 7, 31))));
    }

    static DeepDiveAction action(String owner, LocalDate due) {
        return new DeepDiveAction("Do it", owner, due);
    }

    static DeepDiveAreaGradedEvent graded(Area area, Grade grade, String variationReason) {
        return new DeepDiveAreaGradedEvent(C, YEAR, area, grade, "Evidence", "Findings", variationReason);
    }

    /** Planned, started and each area graded in order. */
    static List<Object> gradedAll(Grade... grades) {
        List<Object> events = new ArrayList<>(List.of(PLANNED, STARTED));
        for (int i = 0; i < grades.length; i++) {
            events.add(graded(Area.values()[i], grades[i], null));
        }
        return events;
    }

    static List<AreaGrade> areas(Grade... grades) {
        List<AreaGrade> areas = new ArrayList<>();
        for (int i = 0; i < grades.length; i++) {
            areas.add(new AreaGrade(Area.values()[i], grades[i]));
        }
        return areas;
    }

    static final Grade[] ALL_GOOD = {Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD,
            Grade.GOOD, Grade.GOOD, Grade.GOOD};

    /** The completion {@link #complete} records today over areas graded {@code grades}. */
    static DeepDiveCompletedEvent completion(Grade overall, Grade suggested, String rationale, String variationReason,
                                             Grade... grades) {
        return new DeepDiveCompletedEvent(C, YEAR, LocalDate.of(2018, 6, 1), overall, suggested, rationale,
                areas(grades), List.of("Reaches young people"), List.of("Session records"),
                List.of(new DeepDiveAction("Add an outcome field", "Service manager", LocalDate.of(2018, 7, 31))),
                variationReason, false, null);
    }

    static DeepDiveCompletedEvent completed(Grade overall) {
        return new DeepDiveCompletedEvent(C, YEAR, LocalDate.of(2018, 5, 25), overall, overall, null, List.of(),
                List.of(), List.of(), List.of(), null, false, null);
    }

    static DeepDiveCompletedEvent historic() {
        return new DeepDiveCompletedEvent(C, YEAR, LocalDate.of(2018, 5, 31), null, null, null, List.of(), List.of(),
                List.of(), List.of(), null, true, "Fig. 1");
    }

    static DeepDiveCancelledEvent cancelled() {
        return new DeepDiveCancelledEvent(C, YEAR, "The contract was terminated");
    }

    static void violation(ResultValidator<DeepDive> result, String rule, String field) {
        result.expectNoEvents().expectException(refusal(RuleViolationException.class, rule,
                e -> field.equals(((RuleViolationException) e).field()), "field " + field));
    }

    static void conflict(ResultValidator<DeepDive> result, String rule, String currentState) {
        result.expectNoEvents().expectException(refusal(StateConflictException.class, rule,
                e -> currentState.equals(((StateConflictException) e).currentState()), "currentState " + currentState));
    }

    static Matcher<RefusedByRuleException> refusal(Class<? extends RefusedByRuleException> type, String rule,
                                                   java.util.function.Predicate<RefusedByRuleException> more,
                                                   String described) {
        return new TypeSafeMatcher<>(RefusedByRuleException.class) {
            @Override
            protected boolean matchesSafely(RefusedByRuleException e) {
                return type.isInstance(e) && rule.equals(e.rule()) && more.test(e);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " of rule " + rule + " with " + described);
            }
        };
    }
}
