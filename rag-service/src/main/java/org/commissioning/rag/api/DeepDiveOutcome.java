package org.commissioning.rag.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The outcome of one of a contract's annual deep dives (deepdive-service, {@code deepdives.events.v1}), kept in the
 * rating history as qualitative evidence beside the ratings. It never changes a rating: no rating is computed from it.
 *
 * @param programmeYear        the year the deep dive's financial year starts in (2018 for 2018-19)
 * @param status               COMPLETE or CANCELLED
 * @param completedOn          the day it was completed; null when cancelled
 * @param overallGrade         the officer's overall grade (OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE); null
 *                             for a historic completion recorded without grades, and when cancelled
 * @param historic             recorded from a historic source, without an evaluation
 * @param sourceReference      for a historic record, where it comes from; else null
 * @param variationRecommended whether the deep dive recommended a formal variation of the contract
 * @param reason               why it was cancelled; null when complete
 * @param recordedAt           when deepdive-service recorded it (the event's time): what {@code asOf} compares with
 * @param triggeredBy          who recorded it in deepdive-service (the event's actor)
 */
public record DeepDiveOutcome(
        String id,
        String contractId,
        int programmeYear,
        String status,
        LocalDate completedOn,
        String overallGrade,
        boolean historic,
        String sourceReference,
        boolean variationRecommended,
        String reason,
        Instant recordedAt,
        String triggeredBy) {

    public static final String COMPLETE = "COMPLETE";
    public static final String CANCELLED = "CANCELLED";

    /** The key of a contract's deep dive of a programme year: one outcome each. */
    public static String key(String contractId, int programmeYear) {
        return contractId + ":" + programmeYear;
    }
}
