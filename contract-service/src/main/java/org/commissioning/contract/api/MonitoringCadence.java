package org.commissioning.contract.api;

/**
 * How often a contract's monitoring meetings are held (000, 1.1.4-1.1.6): running well (GREEN, or STRETCH above
 * it) quarterly, moving towards good (AMBER) bi-monthly, key areas for improvement (RED) monthly.
 */
public enum MonitoringCadence {
    QUARTERLY(3),
    BI_MONTHLY(2),
    MONTHLY(1);

    private final int months;

    MonitoringCadence(int months) {
        this.months = months;
    }

    /** The months between two meetings. */
    public int months() {
        return months;
    }

    /** The cadence an overall rating calls for, or null for none (NOT_RATED, or no rating). */
    public static MonitoringCadence forRating(Rating rating) {
        if (rating == null) {
            return null;
        }
        return switch (rating) {
            case STRETCH, GREEN -> QUARTERLY;
            case AMBER -> BI_MONTHLY;
            case RED -> MONTHLY;
            case NOT_RATED -> null;
        };
    }
}
