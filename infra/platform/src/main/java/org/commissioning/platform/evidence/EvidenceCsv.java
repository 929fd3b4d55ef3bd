package org.commissioning.platform.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A table of an evidence pack as RFC 4180 CSV (header row first, CRLF line ends, quoted where needed). */
public final class EvidenceCsv {

    private EvidenceCsv() {
    }

    /** Null cells are empty; other cells are their {@code toString()} (instants and dates in ISO-8601). */
    public static EvidenceFile table(String name, List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<?> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException(name + ": a row of " + row.size() + " cells under "
                            + header.size() + " columns");
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvidenceFile(name, out.toString());
    }
}
