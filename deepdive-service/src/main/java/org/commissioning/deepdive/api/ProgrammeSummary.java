package org.commissioning.deepdive.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A programme year's deep dives and their totals. {@code pending} counts every deep dive neither complete nor
 * cancelled (so the overdue ones too); {@code percentComplete} is complete / (complete + pending), one decimal.
 *
 * @param label e.g. {@code 2018-19}
 */
public record ProgrammeSummary(int programmeYear, String label, List<ProgrammeRow> rows, Totals totals) {

    public record Totals(int deepDives, int complete, int pending, int overdue, int cancelled,
                         BigDecimal percentComplete) {
    }
}
