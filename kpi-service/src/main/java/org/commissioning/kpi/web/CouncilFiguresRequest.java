package org.commissioning.kpi.web;

import java.util.List;

import org.commissioning.kpi.api.KpiLimits;
import org.commissioning.kpi.web.ReturnRequest.ValueRequest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Figures from the council's own systems for a month: a value (or numerator and denominator) per KPI, optionally
 * per district, as in a return. Who records them is the caller (the token's subject; {@code X-Actor} with security
 * off).
 */
public record CouncilFiguresRequest(
        @Size(max = KpiLimits.VALUES_PER_RETURN) List<@Valid @NotNull ValueRequest> values) {
}
