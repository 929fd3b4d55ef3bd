package org.commissioning.kpi.web;

import java.time.YearMonth;
import java.util.List;

import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiFrameworkVersion;

/**
 * One version of a contract's framework, and the list of all its versions.
 *
 * @param template the service area whose template the KPIs came from, or null
 */
public record FrameworkResponse(
        String contractId,
        int version,
        YearMonth effectiveFrom,
        String template,
        List<KpiDefinition> kpis,
        List<VersionSummary> versions) {

    public record VersionSummary(int version, YearMonth effectiveFrom) {
    }

    static FrameworkResponse of(String contractId, KpiFrameworkVersion version, FrameworkHistory history) {
        return new FrameworkResponse(contractId, version.version(), version.effectiveFrom(), version.template(),
                version.kpis(), history.versions().stream()
                .map(v -> new VersionSummary(v.version(), v.effectiveFrom())).toList());
    }
}
