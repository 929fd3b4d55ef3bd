package org.commissioning.events.ratings.v1;

/**
 * A KPI's rating in a contract performance notice.
 *
 * @param rating GOOD, APPROACHING_TARGET, REQUIRES_IMPROVEMENT, INADEQUATE or OTHER
 */
public record KpiNoticeRating(String kpiCode, String rating) {
}
