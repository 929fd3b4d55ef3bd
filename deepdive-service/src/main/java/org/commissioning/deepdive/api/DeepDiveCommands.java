package org.commissioning.deepdive.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a deep dive; each targets one contract's deep dive of one programme year ({@link #id}). */
public final class DeepDiveCommands {

    private DeepDiveCommands() {
    }

    /** The aggregate id of a contract's deep dive of a programme year: {@code <contractId>:<year>}. */
    public static String id(String contractId, int programmeYear) {
        return contractId + ":" + programmeYear;
    }

    /**
     * Plan the contract's deep dive of the year.
     *
     * @param dueDate null for the default: the last day of the contract's anniversary month within the year
     * @param term    the contract's term as known here
     */
    public record Plan(@TargetAggregateIdentifier String deepDiveId, String contractId, int programmeYear,
                       LocalDate dueDate, String provider, List<String> districts, ContractTerm term) {
    }

    /** Set (or, with a reason, move) the date and lead officer. */
    public record Schedule(@TargetAggregateIdentifier String deepDiveId, LocalDate date, String leadOfficer,
                           String reason, ContractTerm term) {
    }

    public record Start(@TargetAggregateIdentifier String deepDiveId, String officer) {
    }

    /**
     * Grade an area (again: the later grade replaces the earlier).
     *
     * @param areaNumber           1 to 9
     * @param grade                a {@link Grade}'s name
     * @param variationRecommended area 9 only: a formal variation of the contract is recommended
     * @param variationReason      why, whether possible and how; required with a recommendation
     */
    public record GradeArea(@TargetAggregateIdentifier String deepDiveId, int areaNumber, String grade,
                            String evidence, String findings, boolean variationRecommended, String variationReason) {
    }

    /** Complete the evaluation with the officer's overall grade (a {@link Grade}'s name). */
    public record Complete(@TargetAggregateIdentifier String deepDiveId, String overallGrade, String rationale,
                           List<String> strengths, List<String> areasForImprovement, List<DeepDiveAction> actions) {
    }

    /** Record the deep dive as completed on {@code completedOn} from a historic source that gives no grades. */
    public record RecordHistoricCompletion(@TargetAggregateIdentifier String deepDiveId, LocalDate completedOn,
                                           String sourceReference) {
    }

    /** The scan found the deep dive not complete by {@code dueDate}; recorded once per due date. */
    public record RecordOverdue(@TargetAggregateIdentifier String deepDiveId, LocalDate dueDate) {
    }

    /** The deep dive leaves its programme, with a reason; nothing happens to one already finished. */
    public record Cancel(@TargetAggregateIdentifier String deepDiveId, String reason) {
    }

    /** Open the deep-dive programme of a financial year. */
    public record OpenProgramme(@TargetAggregateIdentifier String programmeId, int programmeYear) {
    }

    /** The aggregate id of a programme year: {@code programme:<year>}. */
    public static String programmeId(int programmeYear) {
        return "programme:" + programmeYear;
    }
}
