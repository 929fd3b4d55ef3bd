package org.commissioning.gateway.api;

import java.util.Arrays;
import java.util.List;

/**
 * The rating table (Fig. 2 of the council's 2018 report) over the contracts the caller may see that match
 * {@code filter}, in the order of {@code sort}. The answer of {@code GET /api/dashboard/rating-table}; its CSV and XLSX
 * exports have the same rows and {@code columns}.
 *
 * @param sort    the order, as {@code sort} reads ({@code provider,asc})
 * @param columns the columns, in order: each row's fields
 */
public record RatingTable(DashboardFilter filter, String sort, List<Column> columns, List<RatingTableRow> rows) {

    public RatingTable(DashboardFilter filter, RatingTableSort sort, List<RatingTableRow> rows) {
        this(filter, sort.toString(), Arrays.stream(RatingTableColumn.values())
                .map(c -> new Column(c.key(), c.header(), c.sortable())).toList(), rows);
    }

    /**
     * @param key      the rows' field, and the value of {@code sort} that orders by it
     * @param header   its heading
     * @param sortable whether {@code sort} may name it
     */
    public record Column(String key, String header, boolean sortable) {
    }
}
