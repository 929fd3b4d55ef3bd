package org.commissioning.contract.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.contract.command.ContractMonitoringTest.APRIL;
import static org.commissioning.contract.command.ContractMonitoringTest.MARCH;
import static org.commissioning.contract.command.ContractMonitoringTest.MAY;
import static org.commissioning.contract.command.ContractMonitoringTest.rated;
import static org.commissioning.contract.command.ContractTest.EXPIRED;
import static org.commissioning.contract.command.ContractTest.ID;
import static org.commissioning.contract.command.ContractTest.PLAN_STARTED;
import static org.commissioning.contract.command.ContractTest.REGISTERED;
import static org.commissioning.contract.command.ContractTest.TERMINATED;
import static org.commissioning.contract.command.ContractTest.TODAY;
import static org.commissioning.contract.command.Scenario.decides;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.commissioning.contract.api.DeepDiveGrade;
import org.commissioning.contract.api.EscalationCause;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.RecordContractRatingCommand;
import org.commissioning.contract.api.RecordDeepDiveOutcomeCommand;
import org.commissioning.contract.api.RecordVariationRecommendationCommand;
import org.commissioning.contract.api.VariationRecommendedEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What the Contract does with its deep dives' outcomes (deepdives.events.v1); today is 1 June 2018. */
class ContractDeepDiveTest {

    static final LocalDate COMPLETED = LocalDate.of(2018, 5, 25);
    static final String REASON = "Demand in Ashford doubled; a second detached session a week is possible.";
    static final EscalationDueEvent ESCALATED_2018 = EscalationDueEvent.inadequateDeepDive(ID, 2018, COMPLETED, TODAY);
    static final VariationRecommendedEvent RECOMMENDED_2018 = new VariationRecommendedEvent(ID, 2018, REASON, TODAY);

    static RecordDeepDiveOutcomeCommand completed(int year, DeepDiveGrade grade) {
        return new RecordDeepDiveOutcomeCommand(ID, year, grade, COMPLETED);
    }

    @Nested
    class Outcome {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("makesEscalationDueWhenTheDeepDiveIsInadequate",
                            completed(2018, DeepDiveGrade.INADEQUATE), List.of(ESCALATED_2018), REGISTERED),
                    decides("makesEscalationDueOncePerProgrammeYearWhateverArrivesAgain",
                            completed(2018, DeepDiveGrade.INADEQUATE), List.of(), REGISTERED, ESCALATED_2018),
                    decides("makesEscalationDueAgainForAnotherProgrammeYear",
                            completed(2019, DeepDiveGrade.INADEQUATE),
                            List.of(EscalationDueEvent.inadequateDeepDive(ID, 2019, COMPLETED, TODAY)),
                            REGISTERED, ESCALATED_2018),
                    decides("makesEscalationDueWhileAPlanIsOpen",
                            completed(2018, DeepDiveGrade.INADEQUATE), List.of(ESCALATED_2018), REGISTERED,
                            PLAN_STARTED),
                    decides("makesEscalationDueEvenAfterARedStreakEscalated",
                            completed(2018, DeepDiveGrade.INADEQUATE), List.of(ESCALATED_2018), REGISTERED,
                            rated(MARCH, Rating.RED), rated(APRIL, Rating.RED), rated(MAY, Rating.RED),
                            new EscalationDueEvent(ID, List.of(MARCH, APRIL, MAY), 3, TODAY)),
                    decides("escalatesNothingForAGradeAboveInadequate",
                            completed(2018, DeepDiveGrade.REQUIRES_IMPROVEMENT), List.of(), REGISTERED),
                    decides("escalatesNothingForAHistoricCompletionWithoutAGrade",
                            completed(2018, null), List.of(), REGISTERED),
                    decides("escalatesNothingOnATerminatedContract",
                            completed(2018, DeepDiveGrade.INADEQUATE), List.of(), REGISTERED, TERMINATED),
                    decides("escalatesNothingOnAnExpiredContract",
                            completed(2018, DeepDiveGrade.INADEQUATE), List.of(), REGISTERED, EXPIRED));
        }

        @Test
        void namesTheDeepDiveInTheReason() {
            assertThat(ESCALATED_2018.cause()).isEqualTo(EscalationCause.DEEP_DIVE);
            assertThat(ESCALATED_2018.deepDiveYear()).isEqualTo(2018);
            assertThat(ESCALATED_2018.periods()).isEmpty();
            assertThat(ESCALATED_2018.reason())
                    .isEqualTo("the 2018-19 deep dive graded the contract Inadequate (completed on 2018-05-25)");
        }

        /** A deep dive's escalation is not a red streak's: it neither counts as one nor stops one escalating. */
        @Test
        void leavesTheRedStreakToEscalateOnItsOwn() {
            Scenario.fixture().given(REGISTERED, ESCALATED_2018, rated(MARCH, Rating.RED), rated(APRIL, Rating.RED))
                    .when(new RecordContractRatingCommand(ID, MAY, Rating.RED))
                    .expectEvents(rated(MAY, Rating.RED), new EscalationDueEvent(ID, List.of(MARCH, APRIL, MAY), 3, TODAY));
        }

        @Test
        void readsAnEscalationStoredBeforeItsCauseWasRecordedAsARedStreak() {
            EscalationDueEvent stored = new EscalationDueEvent(ID, List.of(MARCH, APRIL, MAY), 3, TODAY, null, null, null);

            assertThat(stored.cause()).isEqualTo(EscalationCause.RED_STREAK);
            assertThat(stored.reason()).isEqualTo("rated RED for 3 consecutive months (2018-03 to 2018-05) without an "
                    + "improvement or action plan; threshold 3 months");
            assertThat(stored.deepDiveYear()).isNull();
        }
    }

    @Nested
    class Recommendation {

        @TestFactory
        Stream<DynamicTest> decisions() {
            return Scenario.all(
                    decides("recordsARecommendedVariationForTheOfficer",
                            new RecordVariationRecommendationCommand(ID, 2018, "  " + REASON + " "),
                            List.of(RECOMMENDED_2018), REGISTERED),
                    decides("recordsAYearsRecommendationOnceWhateverArrivesAgain",
                            new RecordVariationRecommendationCommand(ID, 2018, REASON), List.of(), REGISTERED,
                            RECOMMENDED_2018),
                    decides("recordsTheNextYearsRecommendation",
                            new RecordVariationRecommendationCommand(ID, 2019, REASON),
                            List.of(new VariationRecommendedEvent(ID, 2019, REASON, TODAY)), REGISTERED,
                            RECOMMENDED_2018),
                    decides("recordsNoRecommendationForAnEndedContract",
                            new RecordVariationRecommendationCommand(ID, 2018, REASON), List.of(), REGISTERED,
                            TERMINATED));
        }
    }
}
