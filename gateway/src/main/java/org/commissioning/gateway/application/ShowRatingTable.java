package org.commissioning.gateway.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardFilter;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.api.RatingTable;
import org.commissioning.gateway.api.RatingTableRow;
import org.commissioning.gateway.api.RatingTableSort;
import org.commissioning.gateway.query.DashboardView;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * The rating table (Fig. 2 of the council's 2018 report): each contract the caller may see (a provider's staff, their
 * own provider's) that matches the filters, with its provider and districts, overall rating and rationale,
 * trajectory, cadence and next meeting, in the order asked for.
 */
@Service
@RequiredArgsConstructor
public class ShowRatingTable {

    private final DashboardView view;

    /**
     * For a caller who may read contract summaries (403 otherwise, whatever the parameters). A filter value outside
     * its vocabulary is refused (400 {@value DashboardQuery#KNOWN_FILTER_VALUE}), so is a {@code sort} that is not a
     * sortable column with an optional {@code ,asc} or {@code ,desc} (400 {@value RatingTableSort#KNOWN_SORT}), each
     * naming the parameter.
     */
    public RatingTable show(DashboardFilter filter, String sort) {
        Access.require(Permission.READ_SUMMARIES);
        DashboardFilter applied = filter.validated();
        RatingTableSort order = RatingTableSort.parse(sort);
        return new RatingTable(applied, order, view.contracts(applied.query()).stream()
                .filter(ListDashboardContracts::visible)
                .map(RatingTableRow::of)
                .sorted(order.comparator())
                .toList());
    }
}
