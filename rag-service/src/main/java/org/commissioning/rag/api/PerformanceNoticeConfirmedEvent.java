package org.commissioning.rag.api;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * An officer confirmed the draft notice of an assessment year, amending any KPI's rating, with a rationale. The
 * overall rating is the policy's over the confirmed KPI ratings.
 *
 * @param kpis    each KPI's rating as derived and as confirmed
 * @param amended whether any confirmed rating differs from the derived one
 */
@Revision("1")
public record PerformanceNoticeConfirmedEvent(String contractId, YearMonth yearFrom, YearMonth yearTo,
                                              List<ConfirmedKpi> kpis, NoticeRating overall, boolean amended,
                                              String rationale, String officer, String policyVersion)
        implements PerformanceNoticeEvent {

    public PerformanceNoticeConfirmedEvent {
        kpis = List.copyOf(kpis);
    }

    /** A KPI's rating as the draft derived it and as the officer confirmed it. */
    public record ConfirmedKpi(String kpiCode, NoticeRating derived, NoticeRating confirmed) {
    }
}
