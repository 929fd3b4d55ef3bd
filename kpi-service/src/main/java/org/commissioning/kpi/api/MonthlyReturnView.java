package org.commissioning.kpi.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A return as officers and providers read it: each value as it stands, the value first submitted and every
 * correction with who made it, when and why.
 *
 * @param id     {@link MonthlyReturnId}; stored as {@code _id}
 * @param period yyyy-MM
 */
public record MonthlyReturnView(
        String id,
        String contractId,
        String period,
        int frameworkVersion,
        String narrative,
        String submittedBy,
        Instant submittedAt,
        List<Value> values) {

    public MonthlyReturnView {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * @param district    null for the total
     * @param value       the value as it stands after any corrections
     * @param band        its rating under the return's framework version
     * @param original    the value as first submitted
     * @param corrections oldest first
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
            List<Correction> corrections) {

        public Value {
            corrections = corrections == null ? List.of() : List.copyOf(corrections);
        }
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
