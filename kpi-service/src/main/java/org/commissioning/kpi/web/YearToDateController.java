package org.commissioning.kpi.web;

import java.util.UUID;

import org.commissioning.kpi.query.KnownContractsProjection;
import org.commissioning.kpi.query.KpiFrameworks;
import org.commissioning.kpi.query.MonthlyReturnsProjection;
import org.commissioning.kpi.query.YearToDate;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.domain.RuleViolationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Year to date per KPI over a financial year (April to March), with the method used and the months it covers. */
@RestController
public class YearToDateController {

    private final KnownContractsProjection contracts;
    private final KpiFrameworks frameworks;
    private final MonthlyReturnsProjection returns;

    public YearToDateController(KnownContractsProjection contracts, KpiFrameworks frameworks,
                                MonthlyReturnsProjection returns) {
        this.contracts = contracts;
        this.frameworks = frameworks;
        this.returns = returns;
    }

    /** {@code financialYear=2018} is April 2018 to March 2019. */
    @GetMapping("/api/kpi/contracts/{contractId}/ytd")
    public YearToDate.View ytd(@PathVariable UUID contractId, @RequestParam int financialYear) {
        String id = contractId.toString();
        contracts.find(id).orElseThrow(() -> new NotFoundException("No contract " + id + " is known here"));
        if (financialYear < 2000 || financialYear > 2100) {
            throw new RuleViolationException("financial-year-invalid", "financialYear",
                    "A financial year is given by the year it starts in April, e.g. 2018; got " + financialYear);
        }
        return YearToDate.of(id, financialYear, returns.between(id, YearToDate.start(financialYear),
                YearToDate.start(financialYear).plusMonths(11)), frameworks.of(id));
    }
}
