package org.commissioning.rag.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a contract's performance notices; each targets the contract's notices by {@link #id}. */
public final class PerformanceNoticeCommands {

    /** The longest rationale an officer may give (characters). */
    public static final int MAX_RATIONALE = 4000;

    private PerformanceNoticeCommands() {
    }

    /** The aggregate id of a contract's notices: a stream of its own beside the contract's ratings. */
    public static String id(String contractId) {
        return contractId + ":performance-notices";
    }

    /** Record a draft derived from the contract's ratings. */
    public record Draft(@TargetAggregateIdentifier String noticesId, PerformanceNoticeDraftedEvent draft) {
    }

    /**
     * Confirm the draft of the year starting {@code yearFrom}, with ratings amended by KPI code.
     *
     * @param amendments the officer's rating per KPI code, where it differs from (or confirms) the derived one
     */
    public record Confirm(@TargetAggregateIdentifier String noticesId, String contractId, YearMonth yearFrom,
                          Map<String, NoticeRating> amendments, String rationale, String officer) {
    }

    /** Record that the notice of the year starting {@code yearFrom} is overdue; once per notice. */
    public record RecordOverdue(@TargetAggregateIdentifier String noticesId, String contractId, YearMonth yearFrom,
                                YearMonth yearTo, LocalDate dueBy, NoticeTrigger trigger) {
    }
}
