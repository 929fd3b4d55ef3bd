package org.commissioning.gateway.application;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardFilter;
import org.commissioning.gateway.api.RatingTable;
import org.springframework.stereotype.Service;

/**
 * The rating table as a file: CSV or XLSX, with a header row and the same rows and columns as
 * {@link ShowRatingTable} answers for the same filters and sort (and refuses what it refuses, first of all a caller
 * who may not read contract summaries), named {@code rating-table-<yyyy-MM-dd>} after the council's date.
 */
@Service
@RequiredArgsConstructor
public class ExportRatingTable {

    static final String FILE_NAME = "rating-table-";

    private final ShowRatingTable table;
    private final Clock clock;

    public RatingTableExport csv(DashboardFilter filter, String sort) {
        RatingTable shown = table.show(filter, sort);
        return new RatingTableExport(fileName("csv"), RatingTableExport.CSV, RatingTableFiles.csv(shown.rows()));
    }

    public RatingTableExport xlsx(DashboardFilter filter, String sort) {
        RatingTable shown = table.show(filter, sort);
        return new RatingTableExport(fileName("xlsx"), RatingTableExport.XLSX, RatingTableFiles.xlsx(shown.rows()));
    }

    private String fileName(String extension) {
        return FILE_NAME + LocalDate.now(clock) + "." + extension;
    }
}
