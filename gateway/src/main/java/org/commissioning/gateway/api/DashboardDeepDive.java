package org.commissioning.gateway.api;

import java.time.LocalDate;

/**
 * A contract's deep dive of one programme year as the dashboard shows it, from {@code deepdives.events.v1}.
 *
 * @param programmeYear the year its financial year starts in (2018 for 2018-19)
 * @param status        PLANNED, SCHEDULED, IN_PROGRESS, COMPLETE, OVERDUE or CANCELLED
 * @param due           the day it is due (planned, or the date it is scheduled for)
 * @param grade         the overall grade once complete (OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE); null
 *                      before, and for a historic completion recorded without grades
 * @param completedOn   the day it was completed, or null
 * @param historic      recorded as complete from a historic source, without an evaluation
 * @param reason        why it was cancelled, or null
 */
public record DashboardDeepDive(int programmeYear, String status, LocalDate due, String grade, LocalDate completedOn,
                                Boolean historic, String reason) {

    public static final String PLANNED = "PLANNED";
    public static final String SCHEDULED = "SCHEDULED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETE = "COMPLETE";
    public static final String OVERDUE = "OVERDUE";
    public static final String CANCELLED = "CANCELLED";

    public DashboardDeepDive {
        historic = Boolean.TRUE.equals(historic);
    }

    /** The key of a programme year in a row's {@code deepDives}: {@code 2018-19}. */
    public static String key(int programmeYear) {
        return programmeYear + "-" + String.format("%02d", (programmeYear + 1) % 100);
    }

    /** Planned, scheduled or in progress: neither complete nor overdue nor cancelled. */
    public boolean pending() {
        return PLANNED.equals(status) || SCHEDULED.equals(status) || IN_PROGRESS.equals(status);
    }
}
