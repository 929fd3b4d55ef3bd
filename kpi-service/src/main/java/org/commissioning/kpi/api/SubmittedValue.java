package org.commissioning.kpi.api;

import java.math.BigDecimal;

/**
 * One value of a return as the provider gives it: a value, or for a percentage a numerator and denominator
 * (the value is then 100 * numerator / denominator; both are kept, so sums over months stay exact).
 *
 * @param district null for the contract's total, else a district of the contract's lot
 */
public record SubmittedValue(String kpiCode, String district, BigDecimal value, BigDecimal numerator,
                             BigDecimal denominator) {

    public static SubmittedValue total(String kpiCode, String value) {
        return new SubmittedValue(kpiCode, null, new BigDecimal(value), null, null);
    }

    public static SubmittedValue inDistrict(String kpiCode, String district, String value) {
        return new SubmittedValue(kpiCode, district, new BigDecimal(value), null, null);
    }

    public static SubmittedValue fraction(String kpiCode, String district, long numerator, long denominator) {
        return new SubmittedValue(kpiCode, district, null, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }
}
