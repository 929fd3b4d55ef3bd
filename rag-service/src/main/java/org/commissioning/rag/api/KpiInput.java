package org.commissioning.rag.api;

import java.math.BigDecimal;

/** A rated KPI value of a contract's total for a period: an input of the period's contract rating. */
public record KpiInput(String kpiCode, BigDecimal value, Long numerator, Long denominator, String source,
                       int frameworkVersion, Rating band, boolean correction) {

    public boolean sameFigure(BigDecimal otherValue, Long otherNumerator, Long otherDenominator) {
        return value.compareTo(otherValue) == 0 && java.util.Objects.equals(numerator, otherNumerator)
                && java.util.Objects.equals(denominator, otherDenominator);
    }
}
