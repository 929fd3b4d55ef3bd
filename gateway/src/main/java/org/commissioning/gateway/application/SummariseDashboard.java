package org.commissioning.gateway.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardSummary;
import org.commissioning.gateway.query.DashboardView;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * The dashboard's totals: contracts per service area, per area and per rating, and their known annual value, over
 * the contracts the caller may see (a provider's staff, their own provider's).
 */
@Service
@RequiredArgsConstructor
public class SummariseDashboard {

    private final DashboardView view;

    /** For a caller who may read contract summaries (403 otherwise). */
    public DashboardSummary summarise() {
        Access.require(Permission.READ_SUMMARIES);
        return view.summary(ListDashboardContracts::visible);
    }
}
