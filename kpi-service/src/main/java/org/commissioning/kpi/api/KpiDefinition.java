package org.commissioning.kpi.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A KPI of a contract's framework.
 *
 * @param code  unique within the framework (case-insensitively); what returns name the KPI by
 * @param bands     accepted by {@link BandTable}; stored from the lowest values to the highest
 * @param tolerance how far apart (absolute, in the KPI's unit) the provider's and the council's figures may be
 *                  before they are flagged as not reconciling; null means 0 (any difference is flagged)
 */
public record KpiDefinition(
        String code,
        String name,
        KpiUnit unit,
        Direction direction,
        List<Band> bands,
        boolean headline,
        ExpectedSource expectedSource,
        BigDecimal tolerance) {

    public KpiDefinition {
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    /** A KPI without a stated tolerance: the two sources must agree exactly. */
    public KpiDefinition(String code, String name, KpiUnit unit, Direction direction, List<Band> bands,
                         boolean headline, ExpectedSource expectedSource) {
        this(code, name, unit, direction, bands, headline, expectedSource, null);
    }

    /** The tolerance, 0 where none is stated. */
    public BigDecimal toleranceOrZero() {
        return tolerance == null ? BigDecimal.ZERO : tolerance;
    }

    /** The bands as a table; only for a definition that has been accepted into a framework. */
    public BandTable bandTable() {
        return BandTable.of(unit, direction, bands);
    }
}
