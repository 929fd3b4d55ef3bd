package org.commissioning.events.contracts.v1;

import java.util.List;

/**
 * Where a contract delivers.
 *
 * @param scope     COUNTY, AREA or DISTRICT
 * @param areas     the areas it covers (all four for COUNTY)
 * @param districts the districts it covers (all twelve for COUNTY), so consumers need no geography of their own
 */
public record Lot(String scope, List<String> areas, List<String> districts) {

    public Lot {
        areas = List.copyOf(areas);
        districts = List.copyOf(districts);
    }
}
