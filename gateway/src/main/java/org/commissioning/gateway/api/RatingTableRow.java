package org.commissioning.gateway.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A contract in the rating table (Fig. 2 of the council's 2018 report): who provides it where, its overall rating and
 * why, where it is heading and how often it is monitored. Its fields are the table's columns
 * ({@link RatingTableColumn}), in order, and the columns of its CSV and XLSX exports.
 *
 * @param districts       the districts it covers (all twelve for a county-wide contract)
 * @param rag             the overall rating: STRETCH, GREEN, AMBER or RED; {@value DashboardQuery#NOT_RATED} for none
 * @param ragPeriod       the latest rated month; null until rated
 * @param ragBasis        COMPUTED from the headline KPIs, or OFFICER
 * @param provisional     whether the latest rating rests on a headline value not validated
 * @param rationale       the officer's rationale of the latest rating, or how it was computed; null until rated
 * @param trend           IMPROVING, STABLE or DECLINING; null until a trajectory is assessed
 * @param projectedRating the rating the trajectory expects at its horizon; null until assessed
 * @param horizonMonths   how many months ahead it projects; null until assessed
 * @param cadence         QUARTERLY, BI_MONTHLY or MONTHLY; null without one (also once ended)
 * @param nextMeetingDue  when the next monitoring meeting is due; null without a cadence
 * @param meetingOverdue  whether contract-service has found the meeting due not held
 * @param overdueReturns  the months (yyyy-MM) whose return is overdue, oldest first
 * @param status          ACTIVE, TERMINATED, EXPIRED or RECOMMISSIONED
 * @param lotScope        COUNTY, AREA or DISTRICT
 */
public record RatingTableRow(String provider, List<String> districts, String serviceArea, String rag,
                             YearMonth ragPeriod, String ragBasis, boolean provisional, String rationale, String trend,
                             String projectedRating, Integer horizonMonths, String cadence, LocalDate nextMeetingDue,
                             boolean meetingOverdue, List<String> overdueReturns, String status, String lotScope,
                             String contractId) {

    public RatingTableRow {
        districts = districts == null ? List.of() : List.copyOf(districts);
        overdueReturns = overdueReturns == null ? List.of() : List.copyOf(overdueReturns);
    }

    /** The row of a contract on the dashboard. */
    public static RatingTableRow of(DashboardContract contract) {
        DashboardRationale rationale = contract.rationale();
        DashboardTrajectory trajectory = contract.trajectory();
        return new RatingTableRow(contract.provider(), contract.districts(), contract.serviceArea(),
                contract.ragOrNotRated(), contract.ragPeriod(), contract.ragBasis(),
                rationale != null && rationale.provisional(), rationale == null ? null : rationale.text(),
                trajectory == null ? null : trajectory.trend(),
                trajectory == null ? null : trajectory.projectedRating(),
                trajectory == null ? null : trajectory.horizonMonths(), contract.cadence(), contract.nextMeetingDue(),
                contract.meetingOverdue(), contract.overdueReturns(), contract.status(), contract.lotScope(),
                contract.id());
    }
}
