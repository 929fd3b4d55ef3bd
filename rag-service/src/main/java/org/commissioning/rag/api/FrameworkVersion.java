package org.commissioning.rag.api;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** A version of a contract's KPI framework (its band tables and headline flags), in force from {@code effectiveFrom}. */
public record FrameworkVersion(int version, YearMonth effectiveFrom, List<KpiSpec> kpis) {

    public FrameworkVersion {
        kpis = List.copyOf(kpis);
    }

    public Optional<KpiSpec> kpi(String code) {
        return kpis.stream().filter(k -> k.code().equals(code)).findFirst();
    }

    public List<KpiSpec> headlines() {
        return kpis.stream().filter(KpiSpec::headline).toList();
    }
}
