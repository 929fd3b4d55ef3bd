package org.commissioning.kpi.application;

import java.time.YearMonth;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** The version of a contract's framework in force in a period, or the latest without one. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FindFramework {

    private final ContractFigures contracts;

    /** @param period null for the latest version */
    public FrameworkVersions find(String contractId, YearMonth period) {
        contracts.known(contractId, Permission.READ_DETAIL);
        FrameworkHistory history = contracts.frameworks(contractId);
        if (!history.defined()) {
            throw new NotFoundException("Contract " + contractId + " has no KPI framework yet");
        }
        KpiFrameworkVersion version = period == null ? history.latest().orElseThrow()
                : history.inForce(period).orElseThrow(() -> new NotFoundException("No KPI framework of contract "
                + contractId + " is in force in " + period + "; the first version is effective from "
                + history.versions().get(0).effectiveFrom()));
        return new FrameworkVersions(contractId, version, history);
    }
}
