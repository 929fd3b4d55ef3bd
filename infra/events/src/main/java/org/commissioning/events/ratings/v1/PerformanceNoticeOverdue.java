package org.commissioning.events.ratings.v1;

import java.time.LocalDate;
import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A Procurement Act 2023 contract performance notice (s.71) of a contract in scope of s.52 was not confirmed by its
 * due date. Raised once per notice by rag-service's scan; a later {@code PerformanceNoticeConfirmed} of the same
 * {@code yearFrom} settles it.
 *
 * @param yearFrom the first month of the assessment year (a year of the contract's term counted from its start)
 * @param yearTo   the last month assessed: twelve months on, or the month the contract ended (a termination)
 * @param dueBy    the last day the notice was due
 * @param trigger  ANNUAL (the year ended) or TERMINATION (the contract ended early)
 */
@PublishedEvent(context = Context.RATINGS, name = "PerformanceNoticeOverdue", version = 1)
public record PerformanceNoticeOverdue(
        String contractId,
        YearMonth yearFrom,
        YearMonth yearTo,
        LocalDate dueBy,
        String trigger) {
}
