package org.commissioning.contract.command;

import static org.commissioning.contract.command.ContractTest.ID;
import static org.commissioning.contract.command.ContractTest.REGISTERED;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.commissioning.contract.api.AssignContractOfficersCommand;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.commissioning.contract.api.ClosePlanCommand;
import org.commissioning.contract.api.DeepDiveGrade;
import org.commissioning.contract.api.ExtendContractCommand;
import org.commissioning.contract.api.FlagOverdueMeetingCommand;
import org.commissioning.contract.api.IssueContractWarningCommand;
import org.commissioning.contract.api.PlanAction;
import org.commissioning.contract.api.PlanKind;
import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.RecordContractRatingCommand;
import org.commissioning.contract.api.RecordDeepDiveOutcomeCommand;
import org.commissioning.contract.api.RecordVariationRecommendationCommand;
import org.commissioning.contract.api.RecordMonitoringMeetingCommand;
import org.commissioning.contract.api.SetMonitoringCadenceCommand;
import org.commissioning.contract.api.StartPlanCommand;
import org.commissioning.contract.api.TerminateContractCommand;
import org.commissioning.contract.api.TerminationInitiator;
import org.commissioning.contract.api.WithholdPaymentCommand;
import org.commissioning.testsupport.AggregateSnapshotContract;
import org.commissioning.testsupport.AggregateSnapshots;

/**
 * A Contract with a long history (ratings, payments, cadence, meetings, a plan, a warning) restored from its
 * snapshot holds the same state and decides every command exactly as the same Contract replayed from its events.
 */
class ContractSnapshotTest extends AggregateSnapshotContract<Contract> {

    static final YearMonth FIRST = YearMonth.of(2016, 4);
    static final YearMonth MAY_2018 = YearMonth.of(2018, 5);
    static final List<String> ATTENDEES = List.of("officer.jones", "Sk8side service manager");
    static final List<PlanAction> ACTIONS = List.of(
            new PlanAction("Weekly data returns", "Sk8side service manager", LocalDate.of(2018, 7, 1)));
    static final List<Object> HISTORY = AggregateSnapshots.history(Scenario::fixture, List.of(REGISTERED), commands());

    /** 26 months rated and paid (a red run among them), cadence, a meeting, a plan, a warning and a deep dive's findings. */
    static List<Object> commands() {
        List<Object> commands = new ArrayList<>();
        commands.add(new AssignContractOfficersCommand(ID, null, "officer.jones", "manager.smith"));
        for (YearMonth period = FIRST; !period.isAfter(MAY_2018); period = period.plusMonths(1)) {
            Rating rating = period.getMonthValue() % 5 == 0 ? Rating.AMBER : period.getYear() == 2017 ? Rating.RED : Rating.GREEN;
            commands.add(new RecordContractRatingCommand(ID, period, rating));
            commands.add(period.getMonthValue() % 4 == 0
                    ? new WithholdPaymentCommand(ID, null, period, "Returns missing", null)
                    : new AuthorisePaymentCommand(ID, null, period, "Delivered", null));
        }
        commands.add(new SetMonitoringCadenceCommand(ID, Rating.AMBER, MAY_2018));
        commands.add(new RecordMonitoringMeetingCommand(ID, null, LocalDate.of(2018, 5, 20), ATTENDEES, "Notes",
                ACTIONS));
        commands.add(new StartPlanCommand(ID, null, PlanKind.IMPROVEMENT_PLAN, "Registrations below target",
                ACTIONS));
        commands.add(new IssueContractWarningCommand(ID, null, List.of("Late returns"), LocalDate.of(2018, 6, 30)));
        commands.add(new RecordDeepDiveOutcomeCommand(ID, 2017, DeepDiveGrade.INADEQUATE, LocalDate.of(2017, 5, 25)));
        commands.add(new RecordVariationRecommendationCommand(ID, 2017, "A second session a week"));
        return commands;
    }

    static Stream<Object> nextCommands() {
        return Stream.of(
                new AuthorisePaymentCommand(ID, null, MAY_2018, "Delivered", null),
                new AuthorisePaymentCommand(ID, null, YearMonth.of(2018, 4), "Delivered after all", "Returns came"),
                new WithholdPaymentCommand(ID, null, YearMonth.of(2018, 6), "No return yet", null),
                new RecordContractRatingCommand(ID, MAY_2018, Rating.RED),
                new RecordContractRatingCommand(ID, MAY_2018, Rating.GREEN),
                new SetMonitoringCadenceCommand(ID, Rating.RED, MAY_2018),
                new FlagOverdueMeetingCommand(ID),
                new RecordMonitoringMeetingCommand(ID, null, LocalDate.of(2018, 6, 1), ATTENDEES, "Notes", List.of()),
                new StartPlanCommand(ID, null, PlanKind.ACTION_PLAN, "Second plan", ACTIONS),
                new ClosePlanCommand(ID, null, "Targets met"),
                new IssueContractWarningCommand(ID, null, List.of("Still late"), LocalDate.of(2018, 7, 31)),
                new RecordDeepDiveOutcomeCommand(ID, 2017, DeepDiveGrade.INADEQUATE, LocalDate.of(2017, 5, 25)),
                new RecordDeepDiveOutcomeCommand(ID, 2018, DeepDiveGrade.INADEQUATE, LocalDate.of(2018, 5, 25)),
                new RecordVariationRecommendationCommand(ID, 2017, "Again"),
                new RecordVariationRecommendationCommand(ID, 2018, "Another year"),
                new ExtendContractCommand(ID, null, LocalDate.of(2020, 3, 31), "Recommissioning delayed"),
                new TerminateContractCommand(ID, null, TerminationInitiator.COUNCIL, LocalDate.of(2018, 8, 31),
                        "Persistent failure"));
    }

    ContractSnapshotTest() {
        super(Scenario::fixture, HISTORY, ID);
    }
}
