package org.commissioning.kpi.web;

import java.time.YearMonth;
import java.util.List;

import org.commissioning.kpi.application.FrameworkVersions;
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

    static FrameworkResponse of(FrameworkVersions framework) {
        KpiFrameworkVersion version = framework.version();
        return new FrameworkResponse(framework.contractId(), version.version(), version.effectiveFrom(),
                version.template(), version.kpis(), framework.history().versions().stream()
                .map(v -> new VersionSummary(v.version(), v.effectiveFrom())).toList());
    }
}
