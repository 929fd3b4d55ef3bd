package org.commissioning.kpi.application;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.commissioning.kpi.api.KpiLimits;
import org.commissioning.kpi.api.SubmittedValue;

/**
 * The CSV of a return, read and written with Apache Commons CSV: a header
 * {@code kpiCode,district,value,numerator,denominator}, then one row per value. Fields may be quoted
 * ({@code "Folkestone and Hythe"}, {@code ""} for a quote inside quotes; a quote inside an unquoted field is an
 * ordinary character); a quoted field cannot span lines ({@code csv-syntax}, as is text after a closing quote).
 * Blank lines are skipped. Line numbers are those of the file, the header being 1.
 * <p>
 * Limits, each reported on its line: a line is at most {@link KpiLimits#CSV_LINE} characters
 * ({@code csv-line-too-long}); a file has at most {@link KpiLimits#CSV_ROWS} rows of values
 * ({@code csv-too-many-rows}, reported on the first row over the limit, and reading stops there); a KPI code is at
 * most {@link KpiLimits#KPI_CODE} characters ({@code kpi-code-too-long}), a district at most
 * {@link KpiLimits#DISTRICT} ({@code district-too-long}); a number has at most {@link KpiLimits#INTEGER_DIGITS}
 * digits before the point, a value at most {@link KpiLimits#VALUE_DECIMALS} decimals and from 0, a numerator a whole
 * number from 0 and a denominator a whole number from 1 ({@code number-out-of-bounds}), as in the JSON requests.
 */
public final class ReturnCsv {

    public static final List<String> COLUMNS = List.of("kpiCode", "district", "value", "numerator", "denominator");
    public static final String HEADER = String.join(",", COLUMNS);
    /** RFC 4180 with blanks around a field ignored; a line is parsed on its own (see {@link #parse}). */
    private static final CSVFormat LINE = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

    /** One row as read; numbers not yet checked against any KPI. */
    public record Row(int line, String kpiCode, String district, BigDecimal value, BigDecimal numerator,
                      BigDecimal denominator) {

        /** The row as a value of a return, to be checked against its KPI. */
        public SubmittedValue submitted() {
            return new SubmittedValue(kpiCode, district, value, numerator, denominator);
        }
    }

    /** What is wrong with a row (or the header, line 1), naming the rule and the column at fault where one is. */
    public record RowError(int line, String rule, String column, String message) {
    }

    public record Parsed(List<Row> rows, List<RowError> errors) {
    }

    private ReturnCsv() {
    }

    public static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        String body = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        // Split into lines here, not in the parser, so that the limits and errors are per line and an unclosed quote
        // cannot swallow the lines after it.
        Iterator<String> lines = body.lines().iterator();
        int headerLine = -1;
        int dataRows = 0;
        for (int line = 1; lines.hasNext(); line++) {
            String current = lines.next();
            if (current.isBlank()) {
                continue;
            }
            if (headerLine >= 0 && ++dataRows > KpiLimits.CSV_ROWS) {
                errors.add(new RowError(line, "csv-too-many-rows", null, "A file has at most " + KpiLimits.CSV_ROWS
                        + " rows of values; this is row " + dataRows + ", so the rest of the file was not read"));
                break;
            }
            if (current.length() > KpiLimits.CSV_LINE) {
                errors.add(new RowError(line, "csv-line-too-long", null, "A line is at most " + KpiLimits.CSV_LINE
                        + " characters; this one has " + current.length()));
                if (headerLine < 0) {
                    return new Parsed(List.of(), errors);
                }
                continue;
            }
            List<String> fields;
            try {
                fields = fields(current);
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(line, "csv-syntax", null, e.getMessage()));
                continue;
            }
            if (headerLine < 0) {
                headerLine = line;
                List<String> header = fields.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
                if (!header.equals(COLUMNS.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList())) {
                    errors.add(new RowError(line, "csv-header", null, "The first line must be the header "
                            + HEADER + "; got " + String.join(",", fields)));
                    return new Parsed(List.of(), errors);
                }
                continue;
            }
            if (fields.size() != COLUMNS.size()) {
                errors.add(new RowError(line, "csv-columns", null, "A row has " + COLUMNS.size() + " columns ("
                        + HEADER + "); this one has " + fields.size()));
                continue;
            }
            int before = errors.size();
            bounded(fields.get(0), KpiLimits.KPI_CODE, line, "kpiCode", "kpi-code-too-long", errors);
            bounded(fields.get(1), KpiLimits.DISTRICT, line, "district", "district-too-long", errors);
            BigDecimal value = number(fields.get(2), line, "value", KpiLimits.VALUE_DECIMALS, BigDecimal.ZERO, errors);
            BigDecimal numerator = number(fields.get(3), line, "numerator", 0, BigDecimal.ZERO, errors);
            BigDecimal denominator = number(fields.get(4), line, "denominator", 0, BigDecimal.ONE, errors);
            if (errors.size() == before) {
                rows.add(new Row(line, blankToNull(fields.get(0)), blankToNull(fields.get(1)), value, numerator,
                        denominator));
            }
        }
        if (headerLine < 0) {
            errors.add(new RowError(1, "csv-header", null, "The file is empty; its first line must be " + HEADER));
        }
        return new Parsed(rows, errors);
    }

    /** The template: the header and one row per KPI code, the rest to be filled in. */
    public static String template(List<String> kpiCodes) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            printer.printRecord(COLUMNS);
            for (String code : kpiCodes) {
                printer.printRecord(code, "", "", "", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    /** One line's fields, by Commons CSV; a line that is not valid CSV is refused whole. */
    static List<String> fields(String line) {
        try (CSVParser parser = LINE.parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("Not a valid CSV line: only a comma may follow a closing quote, and a "
                    + "quoted field must be closed on its line");
        }
    }

    private static void bounded(String text, int max, int line, String column, String rule, List<RowError> errors) {
        if (text.trim().length() > max) {
            errors.add(new RowError(line, rule, column, "A " + column + " is at most " + max + " characters; got "
                    + text.trim().length()));
        }
    }

    private static BigDecimal number(String text, int line, String column, int decimals, BigDecimal min,
                                     List<RowError> errors) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            errors.add(new RowError(line, "csv-number", column, "'" + trimmed + "' is not a number"));
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        int integerDigits = stripped.precision() - stripped.scale();
        if (integerDigits > KpiLimits.INTEGER_DIGITS || Math.max(0, stripped.scale()) > decimals
                || number.compareTo(min) < 0) {
            errors.add(new RowError(line, "number-out-of-bounds", column, "A " + column + " is "
                    + (decimals == 0 ? "a whole number" : "a number with at most " + decimals + " decimals")
                    + " from " + min + " with at most " + KpiLimits.INTEGER_DIGITS
                    + " digits before the point; got '" + trimmed + "'"));
            return null;
        }
        return number;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
