package org.commissioning.kpi.api;

import java.math.BigDecimal;

import org.commissioning.platform.domain.RuleViolationException;

/**
 * The unit of a KPI and the values it admits.
 * <ul>
 *   <li>PERCENT: 0 to 100. Continuous, since a percentage given as a fraction can be any ratio (2 of 3 is
 *       66.666...%); a value given directly has at most 2 decimals.</li>
 *   <li>COUNT, DAYS: whole numbers from 0, without upper end.</li>
 *   <li>MONEY: pounds from 0 in pence (2 decimals), without upper end.</li>
 * </ul>
 */
public enum KpiUnit {
    PERCENT(BigDecimal.valueOf(100), 2, true),
    COUNT(null, 0, false),
    DAYS(null, 0, false),
    MONEY(null, 2, false);

    private final BigDecimal max;
    private final int scale;
    private final boolean continuous;

    KpiUnit(BigDecimal max, int scale, boolean continuous) {
        this.max = max;
        this.scale = scale;
        this.continuous = continuous;
    }

    /** 0 for every unit: no KPI counts below nothing. */
    public BigDecimal min() {
        return BigDecimal.ZERO;
    }

    /** Null where the unit has no upper end. */
    public BigDecimal max() {
        return max;
    }

    /** The most decimals a value given directly may have. */
    public int scale() {
        return scale;
    }

    /** Whether any value in the range can occur (PERCENT), rather than only multiples of {@link #step()}. */
    public boolean continuous() {
        return continuous;
    }

    /** The distance between neighbouring values of a discrete unit: 1 for COUNT and DAYS, 0.01 for MONEY. */
    public BigDecimal step() {
        return BigDecimal.ONE.movePointLeft(scale);
    }

    public boolean inRange(BigDecimal value) {
        return value.signum() >= 0 && (max == null || value.compareTo(max) <= 0);
    }

    /** Whether the value can occur in this unit: in range, and on the unit's grid where the unit is discrete. */
    public boolean admits(BigDecimal value) {
        return inRange(value) && (continuous || decimals(value) <= scale);
    }

    /** The range as people read it: "[0, 100]", "whole numbers from 0", "amounts from 0.00 (2 decimals)". */
    public String describeRange() {
        return switch (this) {
            case PERCENT -> "0 to 100";
            case COUNT, DAYS -> "whole numbers from 0";
            case MONEY -> "amounts from 0 with at most 2 decimals";
        };
    }

    /** Refuses a value given directly that the unit does not admit, naming the field at fault. */
    public void requireValue(BigDecimal value, String field) {
        if (!inRange(value)) {
            throw new RuleViolationException("value-out-of-range", field,
                    "A " + this + " value must be " + describeRange() + "; got " + plain(value));
        }
        if (decimals(value) > scale) {
            throw new RuleViolationException("value-scale", field, "A " + this + " value has at most " + scale
                    + " decimal" + (scale == 1 ? "" : "s") + "; got " + plain(value));
        }
    }

    static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** A number as people write it: 94, 94.5, never 9.4E+1. */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
