package org.commissioning.kpi.api;

import java.time.YearMonth;
import java.util.List;

/** A stored event that writes a version of a contract's framework: its definition (version 1) or a revision. */
public interface FrameworkVersionWritten {

    String contractId();

    int version();

    YearMonth effectiveFrom();

    List<KpiDefinition> kpis();

    /** The service area whose template the KPIs came from, or null. */
    String template();

    default KpiFrameworkVersion toVersion() {
        return new KpiFrameworkVersion(version(), effectiveFrom(), kpis(), template());
    }
}
