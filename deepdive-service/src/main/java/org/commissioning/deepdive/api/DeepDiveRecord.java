package org.commissioning.deepdive.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deep dive's full record, as its stored events tell it.
 *
 * @param status          as shown (OVERDUE while open and past the due date the scan recorded)
 * @param dueDate         the current due date: planned, or the date scheduled
 * @param schedule        every scheduling in order, reschedulings with their reasons
 * @param areas           the areas graded so far, in area order (the latest grade of each)
 * @param suggestedGrade  the grade the service suggests from the areas graded so far (null before any is graded)
 * @param overallGrade    the officer's overall grade once complete; null for a historic record
 * @param overdueFor      the due date the scan recorded as passed, or null
 * @param variationReason area 9's recommendation of a formal variation, or null
 * @param historic        recorded complete from a historic source ({@code sourceReference}), without grades
 */
public record DeepDiveRecord(
        String deepDiveId,
        String contractId,
        int programmeYear,
        String provider,
        List<String> districts,
        DeepDiveStatus status,
        LocalDate dueDate,
        String leadOfficer,
        List<Scheduling> schedule,
        LocalDate startedOn,
        List<AreaRecord> areas,
        Grade suggestedGrade,
        Grade overallGrade,
        String rationale,
        List<String> strengths,
        List<String> areasForImprovement,
        List<DeepDiveAction> actions,
        LocalDate completedOn,
        String completedBy,
        boolean historic,
        String sourceReference,
        String variationReason,
        LocalDate overdueFor,
        String cancellationReason,
        long version) {

    /** One scheduling: the date set, by whom, and why it moved (null for the first). */
    public record Scheduling(LocalDate date, String leadOfficer, LocalDate previousDate, String reason,
                             Instant recordedAt, String recordedBy) {
    }

    /** An area as graded last, with the evidence seen and the findings. */
    public record AreaRecord(int number, Area area, String title, Grade grade, String evidence, String findings,
                             String variationReason, Instant gradedAt, String gradedBy) {
    }
}
