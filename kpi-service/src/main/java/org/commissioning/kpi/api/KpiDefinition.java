package org.commissioning.kpi.api;

import java.util.List;

/**
 * A KPI of a contract's framework.
 *
 * @param code  unique within the framework (case-insensitively); what returns name the KPI by
 * @param bands accepted by {@link BandTable}; stored from the lowest values to the highest
 */
public record KpiDefinition(
        String code,
        String name,
        KpiUnit unit,
        Direction direction,
        List<Band> bands,
        boolean headline,
        ExpectedSource expectedSource) {

    public KpiDefinition {
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    /** The bands as a table; only for a definition that has been accepted into a framework. */
    public BandTable bandTable() {
        return BandTable.of(unit, direction, bands);
    }
}
