package org.commissioning.kpi.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import org.commissioning.kpi.api.BandTable;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.Rating;
import org.commissioning.platform.domain.RuleViolationException;

/**
 * A value as it is recorded: checked against its KPI's unit and rated by its bands.
 *
 * @param value       as given; for a fraction, 100 * numerator / denominator rounded half up to 2 decimals
 * @param numerator   null unless given as a fraction
 * @param denominator null unless given as a fraction
 * @param band        exact: a fraction is rated on its exact quotient, not on the rounded value
 */
record Measurement(BigDecimal value, Long numerator, Long denominator, Rating band) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param at the request field of the value, e.g. {@code values[2]}, for the problem's {@code errors[].field}
     */
    static Measurement of(KpiDefinition kpi, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                          String at) {
        BandTable table = kpi.bandTable();
        if (numerator != null || denominator != null) {
            if (kpi.unit() != KpiUnit.PERCENT) {
                throw new RuleViolationException("fraction-not-for-unit", field(at, "numerator"), "KPI " + kpi.code()
                        + " is in " + kpi.unit() + "; only a percentage can be given as a numerator and denominator");
            }
            long n = whole(numerator, field(at, "numerator"), kpi);
            long d = whole(denominator, field(at, "denominator"), kpi);
            if (d <= 0) {
                throw new RuleViolationException("fraction-invalid", field(at, "denominator"),
                        "KPI " + kpi.code() + ": the denominator must be more than 0; got " + d);
            }
            if (n > d) {
                throw new RuleViolationException("fraction-invalid", field(at, "numerator"), "KPI " + kpi.code()
                        + ": the numerator cannot exceed the denominator (a percentage is at most 100); got "
                        + n + "/" + d);
            }
            BigDecimal computed = BigDecimal.valueOf(n).multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(d), 2, RoundingMode.HALF_UP);
            if (value != null && value.compareTo(computed) != 0) {
                throw new RuleViolationException("value-disagrees-with-fraction", field(at, "value"), "KPI " + kpi.code()
                        + ": " + n + "/" + d + " is " + KpiUnit.plain(computed) + "%, not " + KpiUnit.plain(value)
                        + "; give the fraction alone or a value that agrees with it");
            }
            return new Measurement(computed, n, d, table.ratePercentage(n, d));
        }
        if (value == null) {
            throw new RuleViolationException("value-required", field(at, "value"), "KPI " + kpi.code()
                    + " needs a value" + (kpi.unit() == KpiUnit.PERCENT ? ", or a numerator and denominator" : ""));
        }
        try {
            kpi.unit().requireValue(value, field(at, "value"));
        } catch (RuleViolationException e) {
            throw new RuleViolationException(e.rule(), e.field(), "KPI " + kpi.code() + ": " + e.getMessage());
        }
        return new Measurement(value, null, null, table.rate(value));
    }

    /** {@code values[2].value} in a return, {@code value} in a correction. */
    private static String field(String at, String name) {
        return at == null || at.isEmpty() ? name : at + "." + name;
    }

    boolean sameAs(BigDecimal otherValue, Long otherNumerator, Long otherDenominator) {
        return value.compareTo(otherValue) == 0 && Objects.equals(numerator, otherNumerator)
                && Objects.equals(denominator, otherDenominator);
    }

    private static long whole(BigDecimal number, String field, KpiDefinition kpi) {
        if (number == null) {
            throw new RuleViolationException("fraction-invalid", field,
                    "KPI " + kpi.code() + ": give both a numerator and a denominator");
        }
        try {
            long whole = number.stripTrailingZeros().longValueExact();
            if (whole < 0) {
                throw new ArithmeticException("negative");
            }
            return whole;
        } catch (ArithmeticException e) {
            throw new RuleViolationException("fraction-invalid", field, "KPI " + kpi.code()
                    + ": a numerator or denominator is a whole number of cases from 0; got " + KpiUnit.plain(number));
        }
    }
}
