package org.commissioning.kpi.api;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects one value of a submitted return; the original stays on record.
 *
 * @param district    null for the total
 * @param correctedBy the actor of the request; a correction must be attributable
 * @param frameworks  the contract's framework versions; the value is rated under the return's own version
 */
public record CorrectKpiValueCommand(
        @TargetAggregateIdentifier String returnId,
        String kpiCode,
        String district,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        String reason,
        String correctedBy,
        FrameworkHistory frameworks) {
}
