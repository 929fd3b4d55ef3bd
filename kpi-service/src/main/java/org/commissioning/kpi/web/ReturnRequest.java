package org.commissioning.kpi.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A provider's return: the period, a value per KPI (optionally also per district) and a narrative.
 *
 * @param values each with a value or, for a percentage, a numerator and denominator
 */
public record ReturnRequest(
        @NotNull YearMonth period,
        List<@Valid @NotNull ValueRequest> values,
        String narrative) {

    /** @param district null (or left out) for the contract's total */
    public record ValueRequest(String kpiCode, String district, BigDecimal value, BigDecimal numerator,
                               BigDecimal denominator) {
    }
}
