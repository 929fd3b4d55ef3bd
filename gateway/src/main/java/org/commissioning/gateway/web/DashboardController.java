package org.commissioning.gateway.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.api.DashboardSummary;
import org.commissioning.gateway.application.ListDashboardContracts;
import org.commissioning.gateway.application.SummariseDashboard;
import org.springframework.web.bind.annotation.GetMapping;
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

    @GetMapping("/contracts")
    public List<DashboardContract> contracts(@RequestParam(required = false) String serviceArea,
                                             @RequestParam(required = false) String area,
                                             @RequestParam(required = false) String district,
                                             @RequestParam(required = false) String provider,
                                             @RequestParam(required = false) String rag,
                                             @RequestParam(required = false) String status) {
        return list.list(new DashboardQuery(serviceArea, area, district, provider, rag, status));
    }

    @GetMapping("/summary")
    public DashboardSummary summary() {
        return summarise.summarise();
    }
}
