package org.commissioning.gateway.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.api.DashboardSummary;
import org.commissioning.gateway.application.ListDashboardContracts;
import org.commissioning.gateway.application.SummariseDashboard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard of the head of service and the management team: every contract with its rating and trajectory, with
 * county, area and rating totals. A {@code serviceArea}, {@code status} or {@code rag} filter outside its values is
 * answered with 400 {@code application/problem+json} naming the parameter ({@code errors[].field}) and the values it
 * takes.
 */
@RestController
@RequestMapping("/api/dashboard")
@RequiredArgsConstructor
public class DashboardController {

    private final ListDashboardContracts list;
    private final SummariseDashboard summarise;

    /** The filters are the query's parameters by name ({@link DashboardQuery}), each optional. */
    @GetMapping("/contracts")
    public List<DashboardContract> contracts(@ModelAttribute DashboardQuery filter) {
        return list.list(filter);
    }

    @GetMapping("/summary")
    public DashboardSummary summary() {
        return summarise.summarise();
    }
}
