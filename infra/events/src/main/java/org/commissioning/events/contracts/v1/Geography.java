package org.commissioning.events.contracts.v1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kent's four areas and twelve districts, the units contracts are let for: the names a {@link Lot}'s {@code areas}
 * and {@code districts} take, in the council's order (North, East, South, West; each area's districts).
 */
public final class Geography {

    private static final Map<String, List<String>> DISTRICTS_BY_AREA = new LinkedHashMap<>();

    static {
        DISTRICTS_BY_AREA.put("North", List.of("Dartford", "Gravesham", "Sevenoaks"));
        DISTRICTS_BY_AREA.put("East", List.of("Canterbury", "Swale", "Thanet"));
        DISTRICTS_BY_AREA.put("South", List.of("Ashford", "Dover", "Folkestone and Hythe"));
        DISTRICTS_BY_AREA.put("West", List.of("Maidstone", "Tonbridge and Malling", "Tunbridge Wells"));
    }

    private Geography() {
    }

    public static List<String> areas() {
        return List.copyOf(DISTRICTS_BY_AREA.keySet());
    }

    public static List<String> districts() {
        return DISTRICTS_BY_AREA.values().stream().flatMap(List::stream).toList();
    }

    public static List<String> districtsOf(String area) {
        return DISTRICTS_BY_AREA.getOrDefault(area, List.of());
    }

    public static Optional<String> areaOf(String district) {
        return DISTRICTS_BY_AREA.entrySet().stream()
                .filter(e -> e.getValue().contains(district))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
