package org.commissioning.rag.api;

import java.math.BigDecimal;

/** A headline KPI value a contract rating rests on: value, source, band and the band table (framework) version. */
public record KpiEvidence(String kpiCode, String name, BigDecimal value, Long numerator, Long denominator,
                          String source, Rating band, int frameworkVersion) {
}
