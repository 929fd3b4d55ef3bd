package org.commissioning.kpi.api;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.serialization.Revision;

/** Stored event: private to kpi-service; published as {@code KpiFrameworkDefined.v1}. */
@Revision("1")
public record KpiFrameworkDefinedEvent(
        String contractId,
        int version,
        YearMonth effectiveFrom,
        List<KpiDefinition> kpis,
        String template) implements FrameworkVersionWritten {
}
