package org.commissioning.gateway.api;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.commissioning.platform.domain.RuleViolationException;

/**
 * The order of the rating table: {@code sort=<column>} or {@code sort=<column>,asc|desc} (Spring Data's form), the
 * column one of {@link RatingTableColumn#sortableColumns()}; absent or blank, {@value #DEFAULT}. Rows without a value
 * in the column come last whichever the direction; ties go by provider, then contract id, ascending.
 *
 * @param column     the column the rows are ordered by
 * @param descending whether from the greatest down
 */
public record RatingTableSort(RatingTableColumn column, boolean descending) {

    /** The rule a {@code sort} outside its values breaks. */
    public static final String KNOWN_SORT = "known-sort";
    public static final String DEFAULT = "provider,asc";

    /**
     * @throws RuleViolationException ({@value #KNOWN_SORT}, naming {@code sort}) for a column that is not sortable or
     *                                a direction other than asc or desc
     */
    public static RatingTableSort parse(String sort) {
        String text = sort == null || sort.isBlank() ? DEFAULT : sort.strip();
        String[] parts = text.split(",", -1);
        RatingTableColumn column = RatingTableColumn.sortableColumns().stream()
                .filter(c -> c.key().equals(parts[0].strip())).findFirst().orElse(null);
        String direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (column == null || parts.length > 2 || !List.of("asc", "desc").contains(direction)) {
            throw new RuleViolationException(KNOWN_SORT, "sort", ("sort must be one of %s, optionally followed by ,asc "
                    + "or ,desc, not '%s'").formatted(RatingTableColumn.sortableColumns().stream()
                            .map(RatingTableColumn::key).collect(Collectors.joining(", ")), sort));
        }
        return new RatingTableSort(column, direction.equals("desc"));
    }

    /** The order of the rows. */
    public Comparator<RatingTableRow> comparator() {
        Comparator<RatingTableRow> byColumn = (a, b) -> {
            @SuppressWarnings("unchecked")
            Comparable<Object> x = (Comparable<Object>) column.sortKey(a);
            Object y = column.sortKey(b);
            if (x == null || y == null) {
                return x == y ? 0 : x == null ? 1 : -1;
            }
            int order = x.compareTo(y);
            return descending ? -order : order;
        };
        return byColumn
                .thenComparing(row -> row.provider() == null ? "" : row.provider(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(row -> row.contractId() == null ? "" : row.contractId());
    }

    /** As the parameter reads: {@code rag,desc}. */
    @Override
    public String toString() {
        return column.key() + (descending ? ",desc" : ",asc");
    }
}
