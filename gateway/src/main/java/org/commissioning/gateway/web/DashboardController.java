package org.commissioning.gateway.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.api.DashboardSummary;
import org.commissioning.gateway.api.DeepDiveProgramme;
import org.commissioning.gateway.application.ListDashboardContracts;
import org.commissioning.gateway.application.ShowDeepDiveProgramme;
import org.commissioning.gateway.application.SummariseDashboard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final ShowDeepDiveProgramme programme;

    /** The filters are the query's parameters by name ({@link DashboardQuery}), each optional. */
    @GetMapping("/contracts")
    public List<DashboardContract> contracts(@ModelAttribute DashboardQuery filter) {
        return list.list(filter);
    }

    @GetMapping("/summary")
    public DashboardSummary summary() {
        return summarise.summarise();
    }

    /** The deep dives of a programme year ({@code year=2018} for 2018-19), as Fig. 1 of the council's report. */
    @GetMapping("/deepdives")
    public DeepDiveProgramme deepDives(@RequestParam(required = false) String year) {
        return programme.show(year);
    }
}
