package org.commissioning.kpi.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.commissioning.kpi.api.KpiLimits;
import org.commissioning.kpi.api.SubmittedValue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A provider's return: the period, a value per KPI (optionally also per district) and a narrative.
 *
 * @param values each with a value or, for a percentage, a numerator and denominator
 */
public record ReturnRequest(
        @NotNull YearMonth period,
        @Size(max = KpiLimits.VALUES_PER_RETURN) List<@Valid @NotNull ValueRequest> values,
        @Size(max = KpiLimits.NARRATIVE) String narrative) {

    /**
     * One value; the unit's own range and decimals (PERCENT 0-100, COUNT and DAYS whole) are the return's rules.
     *
     * @param district null (or left out) for the contract's total
     */
    public record ValueRequest(
            @Size(max = KpiLimits.KPI_CODE) String kpiCode,
            @Size(max = KpiLimits.DISTRICT) String district,
            @DecimalMin("0") @Digits(integer = KpiLimits.INTEGER_DIGITS, fraction = KpiLimits.VALUE_DECIMALS)
            BigDecimal value,
            @DecimalMin("0") @Digits(integer = KpiLimits.INTEGER_DIGITS, fraction = 0) BigDecimal numerator,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = KpiLimits.INTEGER_DIGITS, fraction = 0)
            BigDecimal denominator) {

        SubmittedValue submitted() {
            return new SubmittedValue(kpiCode, district, value, numerator, denominator);
        }
    }

    /** The values as the return takes them. */
    static List<SubmittedValue> submitted(List<ValueRequest> values) {
        return values == null ? List.of() : values.stream().map(v -> v == null ? null : v.submitted()).toList();
    }
}
