package org.commissioning.rag.api;

import java.time.LocalDate;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * The notice of an assessment year was not confirmed by its due date (raised once per notice by the scan).
 *
 * @param trigger ANNUAL (the assessment year ended) or TERMINATION (the contract ended before the year did)
 */
@Revision("1")
public record PerformanceNoticeOverdueEvent(String contractId, YearMonth yearFrom, YearMonth yearTo, LocalDate dueBy,
                                            NoticeTrigger trigger) implements PerformanceNoticeEvent {
}
