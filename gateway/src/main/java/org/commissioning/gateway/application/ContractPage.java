package org.commissioning.gateway.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.commissioning.gateway.api.DashboardContract;

/**
 * Everything the contract page shows, gathered from the owners and the dashboard projection. A section an owner
 * could not answer is {@link Section#unavailable()} (the rest of the page still shows); a section the caller may not
 * read (a viewer's, without READ_DETAIL) is {@link Section#notShown()}.
 *
 * @param status    the live part (rating, cadence, status, trajectory) as the dashboard projection holds it
 * @param detail    whether the caller may read the contract's detail (timeline, scorecard, payments, deep dive)
 * @param mayManage whether the caller may act on it (officers): the actions' forms are shown
 */
public record ContractPage(
        String contractId,
        Facts facts,
        boolean factsFromOwner,
        ContractStatus status,
        boolean detail,
        boolean mayManage,
        Section<List<TimelineEntry>> timeline,
        Section<Scorecard> scorecard,
        Section<Map<String, Object>> chart,
        Section<List<Payment>> payments,
        Section<DeepDive> deepDive) {

    /** A part of the page: its content, or why it has none. */
    public record Section<T>(T content, boolean shown, String unavailable) {

        public static <T> Section<T> of(T content) {
            return new Section<>(content, true, null);
        }

        /** An owner did not answer (down, timed out, refused): the words say which. */
        public static <T> Section<T> unavailable(String service) {
            return new Section<>(null, true, "Not available: " + service + " did not answer. Try again later.");
        }

        public static <T> Section<T> notShown() {
            return new Section<>(null, false, null);
        }

        public boolean available() {
            return shown && unavailable == null;
        }
    }

    /**
     * @param leadOfficer     null when only the dashboard projection answered
     * @param lotNames        the lot's areas or districts as registered; empty when only the projection answered
     * @param ratedPeriod     the latest period contract-service recorded a rating for, or null
     */
    public record Facts(String provider, String serviceArea, String lotScope, List<String> lotNames,
                        List<String> areas, List<String> districts, BigDecimal annualValueGbp, LocalDate start,
                        LocalDate end, String status, String leadOfficer, String contractManager,
                        Integer extensionMonths, Boolean extensionUsed, String openPlan, int warnings,
                        String ratedPeriod, String cadence, LocalDate nextMeetingDue, LocalDate overdueMeetingDue,
                        String escalation) {
    }

    /** The rating, cadence, status and trajectory, as the live region shows them. */
    public record ContractStatus(String contractId, String rag, String ragPeriod, String ragBasis, String cadence,
                                 String status, String trend, String projectedRating, Integer horizonMonths,
                                 boolean known) {

        public static ContractStatus of(String contractId, DashboardContract row) {
            if (row == null) {
                return new ContractStatus(contractId, null, null, null, null, null, null, null, null, false);
            }
            return new ContractStatus(row.id(), row.rag(), row.ragPeriod() == null ? null : row.ragPeriod().toString(),
                    row.ragBasis(), row.cadence(), row.status(),
                    row.trajectory() == null ? null : row.trajectory().trend(),
                    row.trajectory() == null ? null : row.trajectory().projectedRating(),
                    row.trajectory() == null ? null : row.trajectory().horizonMonths(), true);
        }
    }

    /** One step of the lifecycle, as contract-service's history tells it. */
    public record TimelineEntry(Instant time, String type, String label, String summary, String actor) {
    }

    /**
     * The months x KPIs table: one row of overall ratings, then one row per KPI of the framework.
     *
     * @param frameworkVersion the latest framework version (the KPIs and bands shown)
     */
    public record Scorecard(List<String> months, List<Cell> ratings, List<KpiRow> kpis, int frameworkVersion) {
    }

    public record KpiRow(String code, String name, String unit, boolean headline, String direction, String bands,
                         List<Threshold> thresholds, List<Cell> cells) {
    }

    /** Where a band begins: "GREEN from 90%" at 90. */
    public record Threshold(String label, BigDecimal value) {
    }

    /**
     * A month's value of a KPI (its total), or the month's overall rating.
     *
     * @param value        the value as a number (for the chart), or null
     * @param text         the value as shown ("92.5%"), or "No return"
     * @param band         STRETCH, GREEN, AMBER, RED, NOT_RATED, or null for no value
     * @param source       "Provider", "Council", "Provider and council"; null for none
     * @param notValidated the provider's and the council's figures disagree and no officer has resolved it
     * @param corrected    "Corrected from 90%" (with who and why) or null
     */
    public record Cell(String month, BigDecimal value, String text, String band, String source,
                       boolean notValidated, String corrected, boolean provisional) {

        public static Cell empty(String month, String text) {
            return new Cell(month, null, text, null, null, false, null, false);
        }
    }

    /** A payment decision of a month, or none. */
    public record Payment(String period, String decision, String rationale, LocalDate decidedOn, String supersedes,
                          String supersedingReason) {
    }

    /** The contract's deep dive of its latest programme year. */
    public record DeepDive(int programmeYear, String status, LocalDate dueDate, String leadOfficer,
                           String overallGrade, String suggestedGrade, String rationale, LocalDate completedOn,
                           boolean historic, String sourceReference, List<Area> areas, List<String> strengths,
                           List<String> areasForImprovement, List<Action> actions, String cancellationReason) {

        public record Area(int number, String title, String grade, String findings) {
        }

        public record Action(String description, String owner, LocalDate dueDate) {
        }
    }
}
