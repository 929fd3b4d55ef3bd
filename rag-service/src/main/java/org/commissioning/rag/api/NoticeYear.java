package org.commissioning.rag.api;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An assessment year of a contract's term and its notice: when it is (or was) due and where it stands.
 *
 * @param dueBy   when its notice is due: 30 days after the year (or the termination); null while not yet known
 * @param status  NONE, DRAFT or CONFIRMED
 * @param overdue whether the scan raised it overdue
 */
public record NoticeYear(YearMonth yearFrom, YearMonth yearTo, LocalDate dueBy, NoticeTrigger trigger, String status,
                         boolean overdue) {
}
