package org.commissioning.events.kpi.v1;

import java.time.YearMonth;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract's first KPI framework was defined.
 *
 * @param version       always 1
 * @param effectiveFrom the first period (year-month) the framework applies to
 */
@PublishedEvent(context = Context.KPI, name = "KpiFrameworkDefined", version = 1)
public record KpiFrameworkDefined(
        String contractId,
        int version,
        YearMonth effectiveFrom,
        List<KpiDefinition> kpis) {

    public KpiFrameworkDefined {
        kpis = List.copyOf(kpis);
    }
}
