package org.commissioning.kpi.web;

import java.util.List;

/**
 * Figures from the council's own systems for a month: a value (or numerator and denominator) per KPI, optionally
 * per district, as in a return. Who records them is the request's {@code X-Actor}.
 */
public record CouncilFiguresRequest(List<ReturnRequest.ValueRequest> values) {
}
