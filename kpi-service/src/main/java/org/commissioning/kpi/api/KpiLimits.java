package org.commissioning.kpi.api;

/**
 * The documented bounds of everything a client sends to kpi-service, shared by the request records (Bean
 * Validation), the CSV reader and the aggregates, so a request cannot outgrow an event or a Kafka record.
 */
public final class KpiLimits {

    /** A KPI code as stored by a framework version: upper-case letters, digits and '-', 1 to 40. */
    public static final String KPI_CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{0,39}";
    public static final int KPI_CODE = 40;
    public static final int KPI_NAME = 200;
    public static final int DISTRICT = 100;
    public static final int NARRATIVE = 4_000;
    /** A correction's reason and a resolution's note. */
    public static final int REASON = 2_000;

    public static final int KPIS_PER_FRAMEWORK = 50;
    /** One per rating: STRETCH, GREEN, AMBER, RED. */
    public static final int BANDS_PER_KPI = 4;
    /** Values of a return or council figures of one month (a total and a value per district for each KPI). */
    public static final int VALUES_PER_RETURN = 1_000;
    /** Rows of values of a CSV upload (the header and blank lines not counted). */
    public static final int CSV_ROWS = VALUES_PER_RETURN;
    /** Characters of one line of a CSV upload. */
    public static final int CSV_LINE = 1_000;

    /** Digits before the decimal point of a value, numerator, denominator, tolerance or band bound. */
    public static final int INTEGER_DIGITS = 12;
    /** Decimals of a value or tolerance (pence, hundredths of a percent). */
    public static final int VALUE_DECIMALS = 2;
    /** Decimals of a band bound. */
    public static final int BOUND_DECIMALS = 4;

    /** How far ahead of the current month a framework version may start. */
    public static final int EFFECTIVE_FROM_MONTHS_AHEAD = 12;

    private KpiLimits() {
    }
}
