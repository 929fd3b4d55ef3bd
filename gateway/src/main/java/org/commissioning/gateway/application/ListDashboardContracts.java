package org.commissioning.gateway.application;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.query.DashboardView;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Caller;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** The dashboard's contracts matching the filters, each with its status, cadence, rating and trajectory. */
@Service
@RequiredArgsConstructor
public class ListDashboardContracts {

    private final DashboardView view;

    /**
     * For a caller who may read contract summaries (403 otherwise), only the contracts the caller may see (a
     * provider's staff, their own provider's). A {@code serviceArea}, {@code status} or {@code rag} outside its values
     * is refused (400, the parameter).
     */
    public List<DashboardContract> list(DashboardQuery filter) {
        Access.require(Permission.READ_SUMMARIES);
        return view.contracts(filter.validated()).stream().filter(ListDashboardContracts::visible).toList();
    }

    /** Whether the current caller may see the contract of this row. */
    static boolean visible(DashboardContract row) {
        return Caller.current().map(caller -> visibleTo(caller, row.provider())).orElse(false);
    }

    /**
     * Whether {@code caller} may see a contract of {@code provider} on the dashboard ({@code Access.mayRead} of
     * {@code READ_SUMMARIES}, for a caller known apart from the current request, e.g. a live stream's).
     */
    static boolean visibleTo(Caller caller, String provider) {
        return Permission.READ_SUMMARIES.grantedTo(caller) && caller.mayActFor(provider);
    }
}
