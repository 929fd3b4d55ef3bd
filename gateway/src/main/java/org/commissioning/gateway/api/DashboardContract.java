package org.commissioning.gateway.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of the dashboard: a contract as the management team reads it. Stored in {@code dashboard_contracts}
 * (the id is the contract id) and served as is by {@code GET /api/dashboard/contracts}.
 * Every field is always written out, {@code null} included, so each row has the same shape (see the web layer).
 * <p>
 * The contract fields come from {@code contracts.events.v1}, the rating fields from {@code ratings.events.v1}; each
 * topic numbers a contract's events on its own, so each has its own last applied sequence. A rating can arrive
 * before the registration: the row then holds only the rating until the registration fills in the rest, and is not
 * listed before.
 *
 * @param lotScope           COUNTY, AREA or DISTRICT
 * @param areas              the areas the contract covers (all four for a county-wide lot)
 * @param districts          the districts it covers
 * @param annualValueGbp     null where the council has not recorded it
 * @param status             {@value #ACTIVE} once registered; then {@value #TERMINATED}, {@value #EXPIRED} or
 *                           {@value #RECOMMISSIONED}
 * @param cadence            how often the contract is monitored: QUARTERLY, BI_MONTHLY or MONTHLY; null until set
 * @param rag                the contract's overall rating, the {@code to} of its latest RagChanged (GREEN, AMBER or
 *                           RED); null until rated
 * @param ragPeriod          the latest rated month (of any ContractRated or RagChanged), as contract-service shows
 *                           it; a re-rating of an earlier month does not take it back
 * @param ragBasis           COMPUTED from the KPIs, or OFFICER (an officer's judgement)
 * @param trajectory         where the rating is heading; null until assessed
 * @param registeredAt       when the contract was registered (the event's time)
 * @param lastEventSequence  sequence of the last contract event applied to this row
 * @param lastEventId        id of that event
 * @param lastRatingSequence sequence of the last rating event applied to this row; 0 for none, also in the rows
 *                           stored before the dashboard followed the ratings, which have no such field
 * @param overdueNotices     the assessment years (first months, yyyy-MM) whose Procurement Act 2023 contract
 *                           performance notice is overdue (PerformanceNoticeOverdue) and not yet confirmed
 *                           (PerformanceNoticeConfirmed); empty for none
 * @param performanceNoticeOverdue whether any is: follows from {@code overdueNotices}
 * @param lastDeepDiveSequence sequence of the last deep-dive event ({@code deepdives.events.v1}) applied; 0 for none
 * @param deepDives          the contract's deep dive of each programme year, keyed {@code 2018-19}
 * @param deepDive           the deep dive of its latest programme year: follows from {@code deepDives}; null for none
 * @param nextMeetingDue     when the next monitoring meeting is due (MonitoringCadenceChanged, MonitoringMeetingHeld);
 *                           null without a cadence, and once the contract has ended
 * @param overdueMeetingDue  the due date of the meeting contract-service found not held by then
 *                           (MonitoringMeetingOverdue), until a meeting is held or the cadence changes; null for none
 * @param lastKpiSequence    sequence of the last KPI event ({@code kpi.events.v1}) applied; 0 for none
 * @param overdueReturns     the months (yyyy-MM, in order) whose return kpi-service found overdue (ReturnOverdue) and
 *                           that no provider's value has arrived for since (KpiSubmitted, source PROVIDER); empty for
 *                           none
 * @param rationale          why it is rated as it is: the rating of its latest rated month; null until rated
 */
public record DashboardContract(
        String id,
        String provider,
        String serviceArea,
        String lotScope,
        List<String> areas,
        List<String> districts,
        BigDecimal annualValueGbp,
        LocalDate start,
        LocalDate end,
        String status,
        String cadence,
        String rag,
        YearMonth ragPeriod,
        String ragBasis,
        DashboardTrajectory trajectory,
        Instant registeredAt,
        long lastEventSequence,
        String lastEventId,
        Long lastRatingSequence,
        List<String> overdueNotices,
        Boolean performanceNoticeOverdue,
        Long lastDeepDiveSequence,
        Map<String, DashboardDeepDive> deepDives,
        DashboardDeepDive deepDive,
        LocalDate nextMeetingDue,
        LocalDate overdueMeetingDue,
        Long lastKpiSequence,
        List<String> overdueReturns,
        DashboardRationale rationale) {

    public static final String ACTIVE = "ACTIVE";
    public static final String TERMINATED = "TERMINATED";
    public static final String EXPIRED = "EXPIRED";
    public static final String RECOMMISSIONED = "RECOMMISSIONED";
    public static final List<String> STATUSES = List.of(ACTIVE, TERMINATED, EXPIRED, RECOMMISSIONED);

    /** The overall rating, {@value DashboardQuery#NOT_RATED} for none yet. */
    public String ragOrNotRated() {
        return rag == null ? DashboardQuery.NOT_RATED : rag;
    }

    /** Whether contract-service has found its monitoring meeting overdue. */
    public boolean meetingOverdue() {
        return overdueMeetingDue != null;
    }

    public DashboardContract {
        areas = areas == null ? List.of() : List.copyOf(areas);
        districts = districts == null ? List.of() : List.copyOf(districts);
        lastRatingSequence = lastRatingSequence == null ? 0L : lastRatingSequence;
        overdueNotices = overdueNotices == null ? List.of() : List.copyOf(overdueNotices);
        performanceNoticeOverdue = !overdueNotices.isEmpty();
        lastDeepDiveSequence = lastDeepDiveSequence == null ? 0L : lastDeepDiveSequence;
        deepDives = deepDives == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(deepDives));
        deepDive = deepDives.isEmpty() ? null : new TreeMap<>(deepDives).lastEntry().getValue();
        lastKpiSequence = lastKpiSequence == null ? 0L : lastKpiSequence;
        overdueReturns = overdueReturns == null ? List.of() : overdueReturns.stream().sorted().toList();
    }
}
