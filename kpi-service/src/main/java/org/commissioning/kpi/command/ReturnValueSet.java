package org.commissioning.kpi.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import org.commissioning.kpi.api.KpiValueSubmittedEvent;

/**
 * The rules across the values of a return, the one place they are decided: each KPI and district at most once
 * ({@code value-duplicate}), and for the provider a total for every KPI broken down by district
 * ({@code total-missing}). {@link MonthlyReturn} refuses the first breach; the CSV import reports each on its line.
 * Values are added in order with their position (an index in a request, a line in a file).
 */
public final class ReturnValueSet {

    public static final String DUPLICATE = "value-duplicate";
    public static final String TOTAL_MISSING = "total-missing";

    /** A value for a KPI and district that already has one, at {@code earlier}. */
    public record Duplicate(int at, int earlier, ValueKey key) {

        /** @param place how a position is named: {@code values[0]}, {@code line 3} */
        public String message(IntFunction<String> place) {
            return "KPI " + key.kpiCode() + " has more than one " + key.what() + " (the first at "
                    + place.apply(earlier) + ")";
        }
    }

    private final Map<ValueKey, Integer> positions = new LinkedHashMap<>();
    private final Map<String, Integer> firstOfKpi = new LinkedHashMap<>();

    /** Adds a checked value; a duplicate is not added. */
    public Optional<Duplicate> add(int at, KpiValueSubmittedEvent value) {
        ValueKey key = new ValueKey(value.kpiCode(), value.district());
        Integer earlier = positions.putIfAbsent(key, at);
        if (earlier != null) {
            return Optional.of(new Duplicate(at, earlier, key));
        }
        firstOfKpi.putIfAbsent(key.kpiCode(), at);
        return Optional.empty();
    }

    public Set<ValueKey> keys() {
        return positions.keySet();
    }

    /** The KPIs given by district but without a total, each with the position of its first value, in order. */
    public Map<String, Integer> withoutTotal() {
        Map<String, Integer> missing = new LinkedHashMap<>(firstOfKpi);
        missing.keySet().removeIf(code -> positions.containsKey(new ValueKey(code, null)));
        return missing;
    }

    /** For a whole request. */
    public static String totalsMissing(List<String> codes) {
        return "A KPI broken down by district also needs its total for the contract (a value without district); "
                + "missing for " + codes;
    }

    /** For one KPI, reported where its values start. */
    public static String totalMissing(String code) {
        return "KPI " + code + " is broken down by district and also needs its total (a row without district)";
    }
}
