package org.commissioning.kpi.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** Year to date per KPI of a contract over a financial year (April to March), as worked out by the query side. */
public record YearToDateView(String contractId, int financialYear, YearMonth from, YearMonth to,
                             List<KpiYearToDate> kpis) {

    public enum Method { EXACT_FROM_FRACTIONS, SUM, MEAN_OF_MONTHLY_VALUES }

    /**
     * @param value          null where no month has a value
     * @param method         null where no month has a value
     * @param band           the rating of a percentage under the version in force in the last included month;
     *                       null for other units
     */
    public record KpiYearToDate(String kpiCode, KpiUnit unit, Method method, BigDecimal value, Long numerator,
                                Long denominator, Rating band, List<YearMonth> monthsIncluded,
                                List<YearMonth> monthsMissing) {
    }
}
