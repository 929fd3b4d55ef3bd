package org.commissioning.contract.api;

import java.util.List;
import java.util.Optional;

/**
 * Kent's four areas and twelve districts, the units contracts are let for, as the published language names them
 * ({@link org.commissioning.events.contracts.v1.Geography}, which every consumer shares).
 */
public final class Geography {

    private Geography() {
    }

    public static List<String> areas() {
        return org.commissioning.events.contracts.v1.Geography.areas();
    }

    public static List<String> districts() {
        return org.commissioning.events.contracts.v1.Geography.districts();
    }

    public static List<String> districtsOf(String area) {
        return org.commissioning.events.contracts.v1.Geography.districtsOf(area);
    }

    public static Optional<String> areaOf(String district) {
        return org.commissioning.events.contracts.v1.Geography.areaOf(district);
    }
}
