package org.commissioning.kpi.api;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The versions of a contract's KPI framework, oldest first. A period is governed by the latest version whose
 * {@code effectiveFrom} is not after it, so revising a framework never changes the version of an earlier period.
 */
public record FrameworkHistory(List<KpiFrameworkVersion> versions) {

    public static final FrameworkHistory NONE = new FrameworkHistory(List.of());

    public FrameworkHistory {
        versions = versions == null ? List.of()
                : versions.stream().sorted(Comparator.comparingInt(KpiFrameworkVersion::version)).toList();
    }

    public boolean defined() {
        return !versions.isEmpty();
    }

    public Optional<KpiFrameworkVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The version in force in the period, if any version is effective by then. */
    public Optional<KpiFrameworkVersion> inForce(YearMonth period) {
        return versions.stream()
                .filter(v -> !v.effectiveFrom().isAfter(period))
                .max(Comparator.comparingInt(KpiFrameworkVersion::version));
    }

    public Optional<KpiFrameworkVersion> version(int version) {
        return versions.stream().filter(v -> v.version() == version).findFirst();
    }

    public FrameworkHistory with(KpiFrameworkVersion version) {
        List<KpiFrameworkVersion> all = new java.util.ArrayList<>(versions);
        all.add(version);
        return new FrameworkHistory(all);
    }
}
