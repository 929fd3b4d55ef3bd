package org.commissioning.gateway.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.commissioning.gateway.api.RatingTableColumn;
import org.commissioning.gateway.api.RatingTableRow;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The rating table's rows written out under a header row of {@link RatingTableColumn}'s headers, one column each, in
 * order. A list is its items joined by {@value #SEPARATOR}; nothing is an empty cell.
 */
final class RatingTableFiles {

    static final String SEPARATOR = "; ";
    static final String SHEET = "Rating table";
    /** The fill of a rating's cell in the workbook, beside its name (never the colour alone): GOV.UK's colours. */
    static final Map<String, String> RATING_FILLS = Map.of("RED", "D4351C", "AMBER", "F47738", "GREEN", "00703C",
            "STRETCH", "1D70B8");
    static final List<String> WHITE_ON = List.of("RED", "GREEN", "STRETCH");

    private RatingTableFiles() {
    }

    /**
     * RFC 4180 CSV in UTF-8 (CRLF line ends, quoted where needed). A text that a spreadsheet would take for a formula
     * (starting with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe.
     */
    static byte[] csv(List<RatingTableRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RatingTableColumn[] columns = RatingTableColumn.values();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(Arrays.stream(columns).map(RatingTableColumn::header)
                        .toArray(String[]::new)).get())) {
            for (RatingTableRow row : rows) {
                printer.printRecord(Arrays.stream(columns).map(column -> csvCell(column.cell(row))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String csvCell(Object value) {
        String text = text(value);
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof List<?> list
                ? String.join(SEPARATOR, list.stream().map(String::valueOf).toList()) : value.toString();
    }

    /**
     * An XLSX workbook of one sheet, {@value #SHEET}: the header row in bold and frozen, dates as dates
     * (yyyy-mm-dd), yes/no as booleans, numbers as numbers, every other value as text (never a formula); a rating's
     * cell filled with its colour.
     */
    static byte[] xlsx(List<RatingTableRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RatingTableColumn[] columns = RatingTableColumn.values();
        try {
            Workbook workbook = new Workbook(bytes, "commissioning-monitor", "1.0");
            Worksheet sheet = workbook.newWorksheet(SHEET);
            for (int c = 0; c < columns.length; c++) {
                sheet.value(0, c, columns[c].header());
                sheet.style(0, c).bold().set();
            }
            sheet.freezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.length; c++) {
                    xlsxCell(sheet, r + 1, c, columns[c], columns[c].cell(rows.get(r)));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void xlsxCell(Worksheet sheet, int r, int c, RatingTableColumn column, Object value) {
        if (value instanceof LocalDate date) {
            sheet.value(r, c, date);
            sheet.style(r, c).format("yyyy-mm-dd").set();
        } else if (value instanceof Boolean yes) {
            sheet.value(r, c, yes);
        } else if (value instanceof Number number) {
            sheet.value(r, c, number);
        } else if (value != null) {
            String text = text(value);
            sheet.value(r, c, text);
            String fill = column == RatingTableColumn.RAG || column == RatingTableColumn.PROJECTED_RATING
                    ? RATING_FILLS.get(text) : null;
            if (fill != null) {
                sheet.style(r, c).fillColor(fill).fontColor(WHITE_ON.contains(text) ? "FFFFFF" : "000000").set();
            }
        }
    }
}
