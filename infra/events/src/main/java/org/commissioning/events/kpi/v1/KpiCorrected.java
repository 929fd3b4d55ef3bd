package org.commissioning.events.kpi.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A value of a monthly return was corrected. The value submitted first stays on record (its {@link KpiSubmitted});
 * this event carries the value before and after the correction, who made it, when and why.
 *
 * @param district         null for the contract's total
 * @param value            the corrected value (see {@link KpiSubmitted#value()})
 * @param numerator        null unless the corrected percentage was given as a fraction
 * @param denominator      null unless the corrected percentage was given as a fraction
 * @param previousValue    the value before this correction
 * @param source           who the corrected figure comes from: PROVIDER
 * @param band             the corrected value's rating under {@code frameworkVersion}
 * @param frameworkVersion the framework version of the return (the one it was submitted under)
 */
@PublishedEvent(context = Context.KPI, name = "KpiCorrected", version = 1)
public record KpiCorrected(
        String contractId,
        YearMonth period,
        String kpiCode,
        String district,
        BigDecimal value,
        Long numerator,
        Long denominator,
        BigDecimal previousValue,
        Long previousNumerator,
        Long previousDenominator,
        String source,
        int frameworkVersion,
        String band,
        String reason,
        String correctedBy,
        Instant correctedAt) {
}
