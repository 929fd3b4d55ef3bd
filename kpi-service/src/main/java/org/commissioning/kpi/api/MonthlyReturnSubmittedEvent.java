package org.commissioning.kpi.api;

import java.time.LocalDate;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * Stored event: a return was accepted. Its values follow as one {@link KpiValueSubmittedEvent} each, stored in
 * the same commit, so each is published as its own {@code KpiSubmitted}. Not published itself.
 *
 * @param dueDate when it was due; null in events stored before due dates were recorded
 * @param late    whether it arrived after {@code dueDate}
 */
@Revision("1")
public record MonthlyReturnSubmittedEvent(
        String returnId,
        String contractId,
        YearMonth period,
        int frameworkVersion,
        String narrative,
        String submittedBy,
        LocalDate dueDate,
        boolean late) {

    /** A return whose due date is not known. */
    public MonthlyReturnSubmittedEvent(String returnId, String contractId, YearMonth period, int frameworkVersion,
                                       String narrative, String submittedBy) {
        this(returnId, contractId, period, frameworkVersion, narrative, submittedBy, null, false);
    }
}
