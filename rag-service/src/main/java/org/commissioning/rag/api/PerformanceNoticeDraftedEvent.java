package org.commissioning.rag.api;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A draft contract performance notice was derived from the contract's ratings for an assessment year, under a
 * versioned mapping policy. Drafting again (e.g. after a correction) replaces the draft until it is confirmed.
 *
 * @param yearFrom      the first month of the assessment year
 * @param yearTo        the last month assessed (twelve months on, or the month the contract ended)
 * @param policyVersion the mapping policy, e.g. {@code pa2023-notice.v1}
 * @param scope         whether the contract is in scope of s.52, as known when drafted
 * @param kpis          each KPI's rating with the months it rests on
 * @param periods       each month's recorded contract rating and its mapping
 * @param overall       the overall rating under the policy
 */
@Revision("1")
public record PerformanceNoticeDraftedEvent(String contractId, YearMonth yearFrom, YearMonth yearTo,
                                            String policyVersion, NoticeScope scope, List<KpiNoticeAssessment> kpis,
                                            List<PeriodNoticeRating> periods, NoticeRating overall)
        implements PerformanceNoticeEvent {

    public PerformanceNoticeDraftedEvent {
        kpis = List.copyOf(kpis);
        periods = List.copyOf(periods);
    }
}
