package org.commissioning.gateway.application;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.query.DashboardView;
import org.springframework.stereotype.Service;

/** The dashboard's contracts matching the filters, each with its status, cadence, rating and trajectory. */
@Service
@RequiredArgsConstructor
public class ListDashboardContracts {

    private final DashboardView view;

    /** A {@code serviceArea}, {@code status} or {@code rag} outside its values is refused (400, the parameter). */
    public List<DashboardContract> list(DashboardQuery filter) {
        return view.contracts(filter.validated());
    }
}
