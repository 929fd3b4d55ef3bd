package org.commissioning.contract.api;

import java.util.List;

/**
 * Where a contract delivers: the county, some of its areas, or some of its districts.
 * Whether the names are real is checked by the aggregate, not here, so a stored lot always reads back.
 */
public record Lot(LotScope scope, List<String> names) {

    public Lot {
        names = names == null ? List.of() : List.copyOf(names);
    }

    public static Lot county() {
        return new Lot(LotScope.COUNTY, List.of());
    }

    public static Lot areas(String... areas) {
        return new Lot(LotScope.AREA, List.of(areas));
    }

    public static Lot districts(String... districts) {
        return new Lot(LotScope.DISTRICT, List.of(districts));
    }

    /** The areas the lot covers, in the county's order. */
    public List<String> coveredAreas() {
        return switch (scope) {
            case COUNTY -> Geography.areas();
            case AREA -> Geography.areas().stream().filter(names::contains).toList();
            case DISTRICT -> Geography.areas().stream()
                    .filter(a -> Geography.districtsOf(a).stream().anyMatch(names::contains)).toList();
        };
    }

    /** The districts the lot covers, in the county's order. */
    public List<String> coveredDistricts() {
        return switch (scope) {
            case COUNTY -> Geography.districts();
            case AREA -> coveredAreas().stream().flatMap(a -> Geography.districtsOf(a).stream()).toList();
            case DISTRICT -> Geography.districts().stream().filter(names::contains).toList();
        };
    }
}
