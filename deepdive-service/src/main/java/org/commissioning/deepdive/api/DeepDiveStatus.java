package org.commissioning.deepdive.api;

/**
 * Where a deep dive stands. OVERDUE is shown while the scan has recorded the current due date passed and the deep
 * dive is neither complete nor cancelled.
 */
public enum DeepDiveStatus {
    PLANNED,
    SCHEDULED,
    IN_PROGRESS,
    COMPLETE,
    OVERDUE,
    CANCELLED;

    public boolean isFinished() {
        return this == COMPLETE || this == CANCELLED;
    }

    /**
     * The status shown of a deep dive in {@code lifecycle} (PLANNED, SCHEDULED, IN_PROGRESS, COMPLETE or CANCELLED):
     * OVERDUE while open and its current due date is the one the scan recorded passed ({@code overdueFor}).
     */
    public static DeepDiveStatus shown(DeepDiveStatus lifecycle, java.time.LocalDate dueDate,
                                       java.time.LocalDate overdueFor) {
        return !lifecycle.isFinished() && dueDate != null && dueDate.equals(overdueFor) ? OVERDUE : lifecycle;
    }
}
