package org.commissioning.kpi.api;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * One version of a contract's KPI framework: the KPIs that apply from {@code effectiveFrom} until the next
 * version takes over.
 *
 * @param template the service area whose template the KPIs were taken from, or null
 */
public record KpiFrameworkVersion(int version, YearMonth effectiveFrom, List<KpiDefinition> kpis, String template) {

    public KpiFrameworkVersion {
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
    }

    public Optional<KpiDefinition> kpi(String code) {
        return kpis.stream().filter(k -> k.code().equalsIgnoreCase(code)).findFirst();
    }
}
