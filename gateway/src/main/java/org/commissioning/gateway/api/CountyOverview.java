package org.commissioning.gateway.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The county at a glance (the overview page), over the contracts the caller may see that match {@code filter}: every
 * figure and list below is of those contracts only. The answer of {@code GET /api/dashboard/overview}.
 *
 * @param today               the council's date the overview was made on (its clock, Europe/London)
 * @param filter              the filters applied, blank ones left out
 * @param contracts           how many contracts match
 * @param byRag               contracts per overall rating, in the order STRETCH, GREEN, AMBER, RED, NOT_RATED (not
 *                            rated yet), each present, zero included; the counts add up to {@code contracts}
 * @param grid                the four areas, each with its three districts, always all twelve in the council's order;
 *                            a district's cell lists the matching contracts that cover it (a county-wide or area-wide
 *                            contract in every cell it covers), and is empty outside an {@code area} or
 *                            {@code district} filter
 * @param byServiceArea       every service area, in the published order, with its matching contracts and their known
 *                            annual value, zero included
 * @param totalAnnualValueGbp the known annual values of the matching contracts added up
 * @param meetings            monitoring meetings due this month and overdue
 * @param returns             monthly KPI returns overdue
 * @param deepDives           the deep-dive programme of {@code deepDives.programmeYear}: the current financial year
 *                            (April to March) unless the request names one
 */
public record CountyOverview(LocalDate today, DashboardFilter filter, long contracts, Map<String, Long> byRag,
                             List<Area> grid, List<ServiceArea> byServiceArea, BigDecimal totalAnnualValueGbp,
                             Meetings meetings, Returns returns, DeepDiveProgress deepDives) {

    public record Area(String area, List<District> districts) {
    }

    public record District(String district, List<Rated> contracts) {
    }

    /**
     * A contract in a district's cell.
     *
     * @param rag its overall rating, {@value DashboardQuery#NOT_RATED} for none yet
     */
    public record Rated(String contractId, String provider, String serviceArea, String rag) {
    }

    /**
     * @param totalAnnualValueGbp     the known annual values added up (0.00 for none)
     * @param contractsWithKnownValue how many contracts that sum is over
     */
    public record ServiceArea(String serviceArea, long contracts, BigDecimal totalAnnualValueGbp,
                              long contractsWithKnownValue) {
    }

    /**
     * Monitoring meetings, each list by due date, then provider.
     *
     * @param month           the month {@code dueThisMonth} is of
     * @param dueThisMonth    contracts whose next meeting is due in {@code month} and not found overdue
     * @param overdue         contracts whose meeting contract-service has found not held by its due date
     *                        (MonitoringMeetingOverdue) and that has not been held since
     * @param dueThisMonthCount how many are due this month
     * @param overdueCount    how many are overdue
     */
    public record Meetings(YearMonth month, List<MeetingDue> dueThisMonth, List<MeetingDue> overdue,
                           long dueThisMonthCount, long overdueCount) {

        public Meetings(YearMonth month, List<MeetingDue> dueThisMonth, List<MeetingDue> overdue) {
            this(month, dueThisMonth, overdue, dueThisMonth.size(), overdue.size());
        }
    }

    public record MeetingDue(String contractId, String provider, LocalDate due) {
    }

    /**
     * Monthly returns overdue, by provider.
     *
     * @param contracts       the contracts with a return overdue, each with its months
     * @param returnsCount    how many returns (months) are overdue in all
     * @param contractsCount  how many contracts have one
     */
    public record Returns(List<ReturnsOverdue> contracts, long returnsCount, long contractsCount) {

        public Returns(List<ReturnsOverdue> contracts) {
            this(contracts, contracts.stream().mapToLong(c -> c.periods().size()).sum(), contracts.size());
        }
    }

    /** @param periods the months (yyyy-MM) whose return is overdue, oldest first */
    public record ReturnsOverdue(String contractId, String provider, List<String> periods) {
    }
}
