package org.commissioning.kpi.command;

import java.time.YearMonth;

import org.commissioning.kpi.api.ContractFacts;
import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.ReturnPeriods;
import org.commissioning.platform.domain.StateConflictException;

/** Which framework version a month's figures are taken under, once the month itself is accepted. */
final class ReturnFramework {

    private ReturnFramework() {
    }

    /**
     * The period's checks, then the version already fixed for the month by earlier figures ({@code fixed} > 0), so
     * both sources are rated alike, or else the version in force in the month.
     */
    static KpiFrameworkVersion forMonth(int fixed, YearMonth month, String contract, ContractFacts facts,
                                        FrameworkHistory frameworks, YearMonth current, String what) {
        ReturnPeriods.require(month, contract, facts, current, what);
        if (fixed > 0) {
            return fixed(fixed, contract, frameworks);
        }
        return frameworks.inForce(month).orElseThrow(() ->
                new StateConflictException("framework-not-in-force",
                        frameworks.defined() ? "NOT_YET_IN_FORCE" : "NO_FRAMEWORK",
                        frameworks.defined()
                                ? "No KPI framework of contract " + contract + " is in force in " + month
                                + "; the first version is effective from " + frameworks.versions().get(0).effectiveFrom()
                                : "Contract " + contract + " has no KPI framework yet; define one first"));
    }

    static KpiFrameworkVersion fixed(int version, String contract, FrameworkHistory frameworks) {
        return frameworks.version(version).orElseThrow(() -> new IllegalStateException("Version " + version
                + " of the framework of contract " + contract + " was not given with the command"));
    }
}
