package org.commissioning.events.kpi.v1;

import java.util.List;

/** The event types of {@code kpi.events.v1}, version 1. */
public final class KpiV1 {

    public static final List<Class<?>> TYPES = List.of(
            KpiFrameworkDefined.class,
            KpiFrameworkRevised.class,
            KpiSubmitted.class,
            KpiCorrected.class,
            KpiDiscrepancyFlagged.class,
            KpiDiscrepancyResolved.class,
            ReturnOverdue.class,
            HistorySealed.class);

    private KpiV1() {
    }
}
