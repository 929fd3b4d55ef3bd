package org.commissioning.kpi.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A return as officers and providers read it: each value as it stands, the value first submitted and every
 * correction with who made it, when and why; the council's own figure where one is recorded, and whether the value
 * is validated against it.
 *
 * @param id          {@link MonthlyReturnId}; stored as {@code _id}
 * @param period      yyyy-MM
 * @param submittedAt null while only council figures are recorded (the provider's return has not arrived)
 * @param dueOn       when the provider's return was due; null until it arrives (and for returns stored before due
 *                    dates were recorded)
 * @param late        whether the provider's return arrived after {@code dueOn}
 */
public record MonthlyReturnView(
        String id,
        String contractId,
        String period,
        int frameworkVersion,
        String narrative,
        String submittedBy,
        Instant submittedAt,
        List<Value> values,
        LocalDate dueOn,
        Boolean late) {

    public MonthlyReturnView {
        values = values == null ? List.of() : List.copyOf(values);
        late = late != null && late;
    }

    /**
     * @param district      null for the total
     * @param value         the provider's value as it stands after any corrections; null where only the council
     *                      has a figure
     * @param band          its rating under the return's framework version
     * @param original      the value as first submitted
     * @param corrections   oldest first
     * @param council       the council's own figure, or null
     * @param validation    how the value stands against the council's figure
     * @param discrepancies every flag and resolution, oldest first
     */
    public record Value(
            String kpiCode,
            String district,
            KpiUnit unit,
            BigDecimal value,
            Long numerator,
            Long denominator,
            Rating band,
            Figure original,
            List<Correction> corrections,
            CouncilFigure council,
            Validation validation,
            List<Discrepancy> discrepancies) {

        public Value {
            corrections = corrections == null ? List.of() : List.copyOf(corrections);
            discrepancies = discrepancies == null ? List.of() : List.copyOf(discrepancies);
            if (validation == null) {
                validation = Validation.SINGLE_SOURCE;
            }
        }
    }

    /**
     * SINGLE_SOURCE: only the provider or only the council has a figure, nothing to triangulate;
     * VALIDATED: both have one and they agree within the KPI's tolerance;
     * NOT_VALIDATED: they were flagged as not reconciling and no officer has resolved it yet;
     * RESOLVED: the last flag was resolved by an officer with a note.
     */
    public enum Validation { SINGLE_SOURCE, VALIDATED, NOT_VALIDATED, RESOLVED }

    public record CouncilFigure(BigDecimal value, Long numerator, Long denominator, Rating band, String recordedBy,
                                Instant recordedAt) {
    }

    /**
     * A flag (with the figures that raised it) and, once resolved, the resolution.
     *
     * @param eventId           the flag's stored event id, so applying it again adds nothing
     * @param resolutionEventId the stored event id of the resolution that resolved it, so applying that resolution
     *                          again (a retried batch of a projection) resolves no flag raised after it
     */
    public record Discrepancy(String eventId, BigDecimal providerValue, BigDecimal councilValue,
                              BigDecimal difference, BigDecimal tolerance, Instant flaggedAt, String note,
                              String resolvedBy, Instant resolvedAt, String resolutionEventId) {
    }

    public record Figure(BigDecimal value, Long numerator, Long denominator, Rating band) {
    }

    /** @param eventId the stored event's id, so applying a correction again adds nothing */
    public record Correction(
            String eventId,
            Figure from,
            Figure to,
            String reason,
            String correctedBy,
            Instant correctedAt) {
    }
}
