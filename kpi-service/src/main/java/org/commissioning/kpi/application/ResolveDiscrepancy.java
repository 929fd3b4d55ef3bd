package org.commissioning.kpi.application;

import java.time.YearMonth;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.kpi.api.KpiLimits;
import org.commissioning.kpi.api.MonthlyReturnId;
import org.commissioning.kpi.api.ResolveKpiDiscrepancyCommand;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** An officer resolves the open discrepancy of a KPI (and district) with a note saying how it was reconciled. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ResolveDiscrepancy {

    /** @param district null for the total */
    public record Input(String contractId, YearMonth period, String kpiCode, String district, String note) {
    }

    public record Resolved(String returnId, String kpiCode, String resolvedBy) {
    }

    private final ContractFigures contracts;

    public Resolved resolve(Input input) {
        String id = input.contractId();
        KnownContract contract = contracts.known(id, Permission.MANAGE_CONTRACTS);
        if (input.kpiCode().length() > KpiLimits.KPI_CODE) {
            throw new RuleViolationException("kpi-code-too-long", "kpiCode", "A KPI code is at most "
                    + KpiLimits.KPI_CODE + " characters; got " + input.kpiCode().length());
        }
        contracts.requireInTerm(id, contract, input.period(), "A resolution of " + input.period());
        String actor = Actor.required("A resolution records who made it");
        String returnId = MonthlyReturnId.of(id, input.period());
        contracts.sendToExisting(new ResolveKpiDiscrepancyCommand(returnId, input.kpiCode(), input.district(),
                input.note(), actor), () -> new NotFoundException("No return of contract " + id + " for "
                + input.period()));
        return new Resolved(returnId, input.kpiCode(), actor);
    }
}
