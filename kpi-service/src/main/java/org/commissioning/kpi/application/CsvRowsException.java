package org.commissioning.kpi.application;

import java.util.List;
import java.util.stream.Collectors;

/** The bad rows of a CSV upload, each with its line; nothing was stored. Answered as {@code csv-invalid}. */
public class CsvRowsException extends RuntimeException {

    private final transient List<ReturnCsv.RowError> errors;

    CsvRowsException(List<ReturnCsv.RowError> errors) {
        super(errors.size() + " row" + (errors.size() == 1 ? " is" : "s are") + " invalid, so nothing was "
                + "stored: " + errors.stream().map(e -> "line " + e.line() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = errors;
    }

    public List<ReturnCsv.RowError> errors() {
        return errors;
    }
}
