package org.commissioning.kpi.web;

import java.math.BigDecimal;

import org.commissioning.kpi.api.KpiLimits;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/**
 * A correction of one value of a return: the KPI (and district, null for the total), the new value or fraction,
 * and why. Who makes it is the request's {@code X-Actor}.
 */
public record CorrectionRequest(
        @Size(max = KpiLimits.KPI_CODE) String kpiCode,
        @Size(max = KpiLimits.DISTRICT) String district,
        @DecimalMin("0") @Digits(integer = KpiLimits.INTEGER_DIGITS, fraction = KpiLimits.VALUE_DECIMALS)
        BigDecimal value,
        @DecimalMin("0") @Digits(integer = KpiLimits.INTEGER_DIGITS, fraction = 0) BigDecimal numerator,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = KpiLimits.INTEGER_DIGITS, fraction = 0)
        BigDecimal denominator,
        @Size(max = KpiLimits.REASON) String reason) {
}
