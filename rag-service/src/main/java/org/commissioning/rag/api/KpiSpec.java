package org.commissioning.rag.api;

import java.util.List;

/** A KPI of a framework version: what rag-service needs to rate it. Bands ordered from the lowest values. */
public record KpiSpec(String code, String name, String unit, String direction, boolean headline, List<BandSpec> bands) {

    public KpiSpec {
        bands = List.copyOf(bands);
    }
}
