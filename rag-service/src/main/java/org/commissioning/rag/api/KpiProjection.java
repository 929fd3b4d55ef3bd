package org.commissioning.rag.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A headline KPI's least-squares trend over the months it rests on, projected {@code horizonMonths} ahead.
 *
 * @param months         the rated months the fit uses (at most six, the latest last)
 * @param values         the values of those months, in the same order
 * @param slopePerMonth  the fitted change per month, in the KPI's unit (rounded to 2 places)
 * @param fittedValue    the line's value at the latest month (what the trend starts from)
 * @param fittedBand     the band of {@code fittedValue}
 * @param projectedValue the fitted value at the horizon, kept within the band table's range (rounded to 2 places)
 * @param currentBand    the band of the latest month's value
 * @param projectedBand  the band the projected value falls in
 */
public record KpiProjection(String kpiCode, List<YearMonth> months, List<BigDecimal> values, BigDecimal slopePerMonth,
                            BigDecimal fittedValue, Rating fittedBand,
                            BigDecimal projectedValue, Rating currentBand, Rating projectedBand) {

    public KpiProjection {
        months = List.copyOf(months);
        values = List.copyOf(values);
    }
}
