package org.commissioning.rag.api;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * A KPI value of the contract's total was rated against the framework version in force for its period.
 *
 * @param band         the band rag-service derived ({@code BandRating}, the published definition)
 * @param reportedBand the band kpi-service published (recorded for audit; a difference is logged)
 */
@Revision("1")
public record KpiRatedEvent(String contractId, YearMonth period, String kpiCode, BigDecimal value, Long numerator,
                            Long denominator, String source, int frameworkVersion, Rating band, String reportedBand,
                            boolean headline, boolean correction)
        implements ContractRatingEvent {
}
