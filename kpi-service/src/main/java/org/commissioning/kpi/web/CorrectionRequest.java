package org.commissioning.kpi.web;

import java.math.BigDecimal;

/**
 * A correction of one value of a return: the KPI (and district, null for the total), the new value or fraction,
 * and why. Who makes it is the request's {@code X-Actor}.
 */
public record CorrectionRequest(String kpiCode, String district, BigDecimal value, BigDecimal numerator,
                                BigDecimal denominator, String reason) {
}
