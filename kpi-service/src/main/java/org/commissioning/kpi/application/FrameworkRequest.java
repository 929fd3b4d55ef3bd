package org.commissioning.kpi.application;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.commissioning.kpi.api.Direction;
import org.commissioning.kpi.api.ExpectedSource;
import org.commissioning.kpi.api.KpiLimits;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.Rating;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A framework version: its KPIs, or {@code fromTemplate: true} for the template of the contract's service area.
 *
 * @param effectiveFrom the first period (yyyy-MM) the version applies to
 */
public record FrameworkRequest(
        @NotNull YearMonth effectiveFrom,
        Boolean fromTemplate,
        @Size(max = KpiLimits.KPIS_PER_FRAMEWORK) List<@Valid @NotNull KpiRequest> kpis) {

    /** {@code fromTemplate} may be left out: false. */
    public FrameworkRequest {
        fromTemplate = Boolean.TRUE.equals(fromTemplate);
    }

    /**
     * @param headline  whether the contract's overall rating is built from it (1 to 3 per framework)
     * @param tolerance optional: how far apart (absolute, in the KPI's unit) the provider's and the council's
     *                  figures may be before they are flagged; 0 when left out
     */
    public record KpiRequest(
            @Size(max = KpiLimits.KPI_CODE) String code,
            @Size(max = KpiLimits.KPI_NAME) String name,
            @NotNull KpiUnit unit,
            @NotNull Direction direction,
            Boolean headline,
            @NotNull ExpectedSource expectedSource,
            @Size(max = KpiLimits.BANDS_PER_KPI) List<@Valid @NotNull BandRequest> bands,
            @DecimalMin("0") @Digits(integer = KpiLimits.INTEGER_DIGITS, fraction = KpiLimits.VALUE_DECIMALS)
            BigDecimal tolerance) {

        /** {@code headline} may be left out: false. */
        public KpiRequest {
            headline = Boolean.TRUE.equals(headline);
        }
    }

    /**
     * A band; a bound left out (null) makes it open-ended on that side, a bound given needs its inclusive flag.
     */
    public record BandRequest(
            @NotNull Rating rating,
            @Digits(integer = KpiLimits.INTEGER_DIGITS, fraction = KpiLimits.BOUND_DECIMALS) BigDecimal lower,
            Boolean lowerInclusive,
            @Digits(integer = KpiLimits.INTEGER_DIGITS, fraction = KpiLimits.BOUND_DECIMALS) BigDecimal upper,
            Boolean upperInclusive) {
    }
}
