package org.commissioning.gateway.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The columns of the rating table, in order: the fields of {@link RatingTableRow}, the headers of its exports, and, for
 * the sortable ones, the key {@code sort=<key>} orders the rows by ({@link RatingTableSort}). Texts sort without
 * regard to case; ratings from STRETCH to RED, trends from IMPROVING to DECLINING, cadences from QUARTERLY to MONTHLY
 * (the order of the ratings that call for them), statuses in the order of {@link DashboardContract#STATUSES}, returns
 * overdue by how many; a row without a value (not rated, no trajectory, no cadence) has no key.
 */
public enum RatingTableColumn {

    PROVIDER("provider", "Provider", RatingTableRow::provider, row -> lowerCase(row.provider())),
    DISTRICTS("districts", "Districts", RatingTableRow::districts, null),
    SERVICE_AREA("serviceArea", "Service area", RatingTableRow::serviceArea, row -> lowerCase(row.serviceArea())),
    RAG("rag", "RAG", RatingTableRow::rag, row -> rank(Vocabulary.RATINGS, row.rag())),
    RAG_PERIOD("ragPeriod", "Rated month", RatingTableRow::ragPeriod, RatingTableRow::ragPeriod),
    RAG_BASIS("ragBasis", "Basis", RatingTableRow::ragBasis, null),
    PROVISIONAL("provisional", "Provisional", RatingTableRow::provisional, null),
    RATIONALE("rationale", "Rationale", RatingTableRow::rationale, null),
    TREND("trend", "Trend", RatingTableRow::trend, row -> rank(Vocabulary.TRENDS, row.trend())),
    PROJECTED_RATING("projectedRating", "Projected rating", RatingTableRow::projectedRating,
            row -> rank(Vocabulary.RATINGS, row.projectedRating())),
    HORIZON_MONTHS("horizonMonths", "Horizon (months)", RatingTableRow::horizonMonths, null),
    CADENCE("cadence", "Cadence", RatingTableRow::cadence, row -> rank(Vocabulary.CADENCES, row.cadence())),
    NEXT_MEETING_DUE("nextMeetingDue", "Next meeting due", RatingTableRow::nextMeetingDue,
            RatingTableRow::nextMeetingDue),
    MEETING_OVERDUE("meetingOverdue", "Meeting overdue", RatingTableRow::meetingOverdue, null),
    OVERDUE_RETURNS("overdueReturns", "Returns overdue", RatingTableRow::overdueReturns,
            row -> row.overdueReturns().size()),
    STATUS("status", "Status", RatingTableRow::status, row -> rank(DashboardContract.STATUSES, row.status())),
    LOT_SCOPE("lotScope", "Lot", RatingTableRow::lotScope, null),
    CONTRACT_ID("contractId", "Contract id", RatingTableRow::contractId, null);

    private final String key;
    private final String header;
    private final Function<RatingTableRow, Object> cell;
    private final Function<RatingTableRow, Comparable<?>> sortKey;

    RatingTableColumn(String key, String header, Function<RatingTableRow, Object> cell,
                      Function<RatingTableRow, Comparable<?>> sortKey) {
        this.key = key;
        this.header = header;
        this.cell = cell;
        this.sortKey = sortKey;
    }

    /** The row's field, and the value of {@code sort} that orders by this column. */
    public String key() {
        return key;
    }

    /** The heading of the column in the page and the exports. */
    public String header() {
        return header;
    }

    /** The row's value in this column: a text, a month, a date, a number, a yes/no or a list of texts; or null. */
    public Object cell(RatingTableRow row) {
        return cell.apply(row);
    }

    public boolean sortable() {
        return sortKey != null;
    }

    /** What the rows are ordered by in this column; null for a row without a value (or a column not sortable). */
    Comparable<?> sortKey(RatingTableRow row) {
        return sortKey == null ? null : sortKey.apply(row);
    }

    public static List<RatingTableColumn> sortableColumns() {
        return Arrays.stream(values()).filter(RatingTableColumn::sortable).toList();
    }

    private static String lowerCase(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** The value's place in {@code order}; none for a value outside it (NOT_RATED, or no value). */
    private static Integer rank(List<String> order, String value) {
        int rank = value == null ? -1 : order.indexOf(value);
        return rank < 0 ? null : rank;
    }

    private static final class Vocabulary {

        static final List<String> RATINGS = List.of("STRETCH", "GREEN", "AMBER", "RED");
        static final List<String> TRENDS = List.of("IMPROVING", "STABLE", "DECLINING");
        static final List<String> CADENCES = List.of("QUARTERLY", "BI_MONTHLY", "MONTHLY");
    }
}
