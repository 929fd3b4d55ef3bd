package org.commissioning.events.ratings.v1;

import java.time.YearMonth;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * An officer confirmed a Procurement Act 2023 contract performance notice (s.71) for an assessment year, as derived
 * from the contract's ratings or amended, with a rationale.
 *
 * @param yearFrom      the first month of the assessment year
 * @param yearTo        the last month assessed
 * @param overall       GOOD, APPROACHING_TARGET, REQUIRES_IMPROVEMENT, INADEQUATE or OTHER
 * @param kpis          the rating of each KPI, in the same vocabulary
 * @param amended       whether the officer changed any rating derived
 * @param rationale     the officer's rationale, never blank
 * @param officer       who confirmed (also the event's {@code actor})
 * @param policyVersion the mapping policy the draft was derived under, e.g. {@code pa2023-notice.v1}
 */
@PublishedEvent(context = Context.RATINGS, name = "PerformanceNoticeConfirmed", version = 1)
public record PerformanceNoticeConfirmed(
        String contractId,
        YearMonth yearFrom,
        YearMonth yearTo,
        String overall,
        List<KpiNoticeRating> kpis,
        boolean amended,
        String rationale,
        String officer,
        String policyVersion) {
}
