package org.commissioning.events.kpi.v1;

import java.util.List;

/**
 * A KPI of a contract's framework. Its bands rate every value of the unit's range exactly once.
 *
 * @param code           unique within the framework, e.g. {@code CALLS-TRIAGED-24H}
 * @param unit           PERCENT (0 to 100), COUNT and DAYS (whole numbers from 0), MONEY (from 0, in pence: 2 decimals)
 * @param direction      HIGHER_IS_BETTER or LOWER_IS_BETTER
 * @param headline       whether the contract's overall rating is built from it (1 to 3 headline KPIs per framework)
 * @param expectedSource who is expected to supply its values: PROVIDER, COUNCIL or BOTH
 * @param bands          ordered from the lowest values to the highest
 */
public record KpiDefinition(
        String code,
        String name,
        String unit,
        String direction,
        boolean headline,
        String expectedSource,
        List<Band> bands) {

    public KpiDefinition {
        bands = List.copyOf(bands);
    }
}
