package org.commissioning.events.kpi.v1;

import java.time.YearMonth;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A new version of a contract's KPI framework applies from {@code effectiveFrom}; earlier periods keep the
 * version that was in force then. It carries the whole framework, not a difference.
 *
 * @param version       2, 3, ...
 * @param effectiveFrom the first period (year-month) this version applies to; later than that of every earlier version
 */
@PublishedEvent(context = Context.KPI, name = "KpiFrameworkRevised", version = 1)
public record KpiFrameworkRevised(
        String contractId,
        int version,
        YearMonth effectiveFrom,
        List<KpiDefinition> kpis) {

    public KpiFrameworkRevised {
        kpis = List.copyOf(kpis);
    }
}
