package org.commissioning.gateway.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardSummary;
import org.commissioning.gateway.query.DashboardView;
import org.springframework.stereotype.Service;

/** The dashboard's totals: contracts per service area, per area and per rating, and their known annual value. */
@Service
@RequiredArgsConstructor
public class SummariseDashboard {

    private final DashboardView view;

    public DashboardSummary summarise() {
        return view.summary();
    }
}
