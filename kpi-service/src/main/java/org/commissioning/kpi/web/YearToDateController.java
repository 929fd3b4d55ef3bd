package org.commissioning.kpi.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.commissioning.kpi.api.YearToDateView;
import org.commissioning.kpi.application.FindYearToDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Year to date per KPI over a financial year (April to March), with the method used and the months it covers. */
@RestController
@RequiredArgsConstructor
public class YearToDateController {

    private final FindYearToDate yearToDate;

    /** {@code financialYear=2018} is April 2018 to March 2019. */
    @GetMapping("/api/kpi/contracts/{contractId}/ytd")
    public YearToDateView ytd(@PathVariable UUID contractId, @RequestParam int financialYear) {
        return yearToDate.find(contractId.toString(), financialYear);
    }
}
