package org.commissioning.contract.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A contract as officers read it, its whole current state: the answer to {@link FindContractQuery} and
 * {@link ListContractsQuery}.
 *
 * @param extensionMonths how long the contract may be extended by, once (0 for no extension)
 * @param extensionUsed   whether that extension has been used
 * @param rag             the overall rating; null until this service learns it
 * @param openPlan        the improvement or action plan in place, or null
 * @param warnings        the formal warnings issued, oldest first
 * @param termination     how the contract was ended early, or null
 * @param expiredOn       the end date it expired at, or null
 * @param recommissioning how its service continues, or null
 * @param payments        the payment decision of each period ({@code 2018-05}) that has one
 * @param ratedPeriod     the latest period whose rating this service has recorded ({@code 2018-05}), or null
 * @param monitoring      the monitoring cadence, next meeting due and last meeting; null until the first rating or
 *                        meeting; an ended contract (terminated, expired, recommissioned) has no cadence and no
 *                        meeting due
 * @param escalation      the latest escalation that fell due, or null
 * @param variationRecommendation the latest formal variation a deep dive recommended, PENDING until a variation of
 *                        the contract is recorded after it (then ANSWERED); null when none was recommended
 * @param version         the sequence number of the contract's last event: its ETag and the {@code If-Match} of a change
 */
public record ContractSummary(
        String id,
        String provider,
        ServiceArea serviceArea,
        Lot lot,
        List<String> areas,
        List<String> districts,
        BigDecimal annualValueGbp,
        LocalDate start,
        LocalDate end,
        int extensionMonths,
        boolean extensionUsed,
        ContractStatus status,
        Rating rag,
        String leadOfficer,
        String contractManager,
        Plan openPlan,
        List<Warning> warnings,
        Termination termination,
        LocalDate expiredOn,
        Recommissioning recommissioning,
        Map<String, Payment> payments,
        String ratedPeriod,
        Monitoring monitoring,
        Escalation escalation,
        VariationRecommendation variationRecommendation,
        long version,
        Instant registeredAt,
        Instant updatedAt) {

    public record Plan(int number, PlanKind kind, String reason, List<PlanAction> actions, LocalDate startedOn) {
    }

    public record Warning(int number, List<String> reasons, LocalDate issuedOn, LocalDate responseDeadline) {
    }

    public record Termination(TerminationInitiator initiatedBy, LocalDate effectiveDate, String reason) {
    }

    public record Recommissioning(RecommissioningRoute route, BigDecimal annualValueGbp, String successorContractId,
                                  String reason) {
    }

    /**
     * @param supersedes        the decision this one replaced, or null
     * @param supersedingReason why, or null
     */
    public record Payment(PaymentDecision decision, String rationale, LocalDate decidedOn, PaymentDecision supersedes,
                          String supersedingReason) {
    }

    /**
     * @param rating          the rating that set the cadence
     * @param cadence         QUARTERLY, BI_MONTHLY or MONTHLY; null until the contract's first rating
     * @param cadenceSince    when the cadence was set
     * @param nextMeetingDue  the date the next meeting is due by; null without a cadence
     * @param overdueDueDate  the due date flagged as missed, while no meeting has been held or cadence set since; else null
     * @param meetingsHeld    how many meetings have been recorded
     * @param lastMeeting     the latest meeting recorded, or null
     */
    public record Monitoring(Rating rating, MonitoringCadence cadence, LocalDate cadenceSince, LocalDate nextMeetingDue,
                             LocalDate overdueDueDate, int meetingsHeld, Meeting lastMeeting) {
    }

    public record Meeting(int number, LocalDate heldOn, List<String> attendees, String notes, List<PlanAction> actions) {
    }

    /**
     * @param periods      the red months of the streak, {@code 2018-03}, oldest first; empty for a deep dive
     * @param threshold    the red months that make escalation due; 0 for a deep dive
     * @param cause        RED_STREAK or DEEP_DIVE
     * @param reason       why escalation is due, in words
     * @param deepDiveYear the programme year of the deep dive graded INADEQUATE; null for a red streak
     */
    public record Escalation(List<String> periods, int threshold, LocalDate dueOn, EscalationCause cause, String reason,
                             Integer deepDiveYear) {
    }

    /**
     * A formal variation recommended by a deep dive (area 9). The officer decides: recording a variation of the
     * contract answers it.
     *
     * @param programmeYear     the programme year of the deep dive that recommended it
     * @param reason            why, whether it is possible, and how
     * @param recommendedOn     the day contract-service recorded it
     * @param status            PENDING, or ANSWERED once a variation was recorded after it
     * @param answeredByVariationFrom the effective date of the variation that answered it; null while pending
     */
    public record VariationRecommendation(int programmeYear, String reason, LocalDate recommendedOn,
                                          RecommendationStatus status, LocalDate answeredByVariationFrom) {
    }

    public enum RecommendationStatus {
        PENDING,
        ANSWERED
    }
}
