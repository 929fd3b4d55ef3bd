package org.commissioning.rag.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.commissioning.rag.api.PerformanceNoticeConfirmedEvent.ConfirmedKpi;

/**
 * A contract performance notice as exported: the draft as derived (with what each rating rests on), its
 * confirmation if any, and whether it was raised overdue. Read from the notices' own stored events.
 *
 * @param status         DRAFT or CONFIRMED
 * @param derivedOverall the overall rating the policy derived
 * @param draftedBy      who last drafted it (the stored event's actor)
 * @param confirmation   null while a draft
 * @param overdue        null unless raised overdue
 */
public record PerformanceNotice(String contractId, String provider, YearMonth yearFrom, YearMonth yearTo,
                                String status, String policyVersion, NoticeScope scope,
                                List<KpiNoticeAssessment> kpis, List<PeriodNoticeRating> periods,
                                NoticeRating derivedOverall, Instant draftedAt, String draftedBy,
                                Confirmation confirmation, Overdue overdue) {

    /** The officer's confirmation: the ratings that stand, and why. */
    public record Confirmation(NoticeRating overall, List<ConfirmedKpi> kpis, boolean amended, String rationale,
                               String officer, Instant confirmedAt) {
    }

    /** The notice was not confirmed by {@code dueBy}; the scan raised it at {@code raisedAt}. */
    public record Overdue(LocalDate dueBy, NoticeTrigger trigger, Instant raisedAt) {
    }
}
