package org.commissioning.embedded.mongo;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The documents of a collection by the value of one top-level field, in MongoDB's order of values. A document whose
 * value is an array or an embedded document may match a condition through any of its parts, so it is named for
 * every condition; one without the field matches none of the conditions served (a non-null value, or a range).
 */
final class FieldLookup {

    private static final Set<String> OPERATORS = Set.of("$eq", "$gt", "$gte", "$lt", "$lte", "$in");

    private final String field;
    private final NavigableMap<Object, Set<Object>> byValue = new TreeMap<>(ValueComparator.asc());
    private final Set<Object> compound = new HashSet<>();

    FieldLookup(String field) {
        this.field = field;
    }

    /** A condition on the field the lookup can serve: equal to one of {@code values}, or within the bounds. */
    record Condition(List<Object> values, Object lower, boolean lowerInclusive, Object upper,
                     boolean upperInclusive) {
    }

    void add(Document document, Object position) {
        Object value = document.get(field);
        if (isCompound(value)) {
            compound.add(position);
        } else if (isValue(value)) {
            byValue.computeIfAbsent(value, v -> new HashSet<>()).add(position);
        }
    }

    void remove(Document document, Object position) {
        Object value = document.get(field);
        if (isCompound(value)) {
            compound.remove(position);
        } else if (isValue(value)) {
            Set<Object> positions = byValue.get(value);
            if (positions != null && positions.remove(position) && positions.isEmpty()) {
                byValue.remove(value);
            }
        }
    }

    Set<Object> positions(Condition condition) {
        Set<Object> positions = new LinkedHashSet<>(compound);
        groups(condition, false).forEach(positions::addAll);
        return positions;
    }

    /** How many documents {@link #positions} names for {@code condition}, without collecting them. */
    long size(Condition condition) {
        long size = compound.size();
        for (Set<Object> group : groups(condition, false)) {
            size += group.size();
        }
        return size;
    }

    /** The documents whose value is an array or an embedded document: named for every condition. */
    Set<Object> compound() {
        return compound;
    }

    /**
     * The documents {@code condition} names with a plain value, a set per value, in the order of the values
     * (descending if asked), so a sorted query can stop once it has enough.
     */
    Collection<Set<Object>> groups(Condition condition, boolean descending) {
        if (condition.values() != null) {
            NavigableMap<Object, Set<Object>> named = new TreeMap<>(byValue.comparator());
            condition.values().forEach(value -> {
                Set<Object> positions = byValue.get(value);
                if (positions != null) {
                    named.put(value, positions);
                }
            });
            return descending ? named.descendingMap().values() : named.values();
        }
        if (condition.lower() != null && condition.upper() != null) {
            int order = byValue.comparator().compare(condition.lower(), condition.upper());
            if (order > 0 || order == 0 && !(condition.lowerInclusive() && condition.upperInclusive())) {
                return List.of();
            }
        }
        NavigableMap<Object, Set<Object>> range = byValue;
        if (condition.lower() != null) {
            range = range.tailMap(condition.lower(), condition.lowerInclusive());
        }
        if (condition.upper() != null) {
            range = range.headMap(condition.upper(), condition.upperInclusive());
        }
        return descending ? range.descendingMap().values() : range.values();
    }

    /**
     * The condition {@code query} puts on {@code field}, at its top level or in a top-level {@code $and}, when it is
     * one this lookup serves; otherwise null (and the query reads every document).
     */
    static Condition conditionOn(String field, Document query) {
        Object clause = query.get(field);
        if (clause != null || query.containsKey(field)) {
            Condition condition = condition(clause);
            if (condition != null) {
                return condition;
            }
        }
        if (query.get("$and") instanceof Collection<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document document) {
                    Condition condition = conditionOn(field, document);
                    if (condition != null) {
                        return condition;
                    }
                }
            }
        }
        return null;
    }

    private static Condition condition(Object clause) {
        if (isValue(clause)) {
            return new Condition(List.of(clause), null, false, null, false);
        }
        if (!(clause instanceof Document operators) || operators.isEmpty()
                || !OPERATORS.containsAll(operators.keySet())) {
            return null;
        }
        Object lower = null;
        boolean lowerInclusive = false;
        Object upper = null;
        boolean upperInclusive = false;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object operand = operator.getValue();
            switch (operator.getKey()) {
                case "$eq" -> {
                    return isValue(operand) ? new Condition(List.of(operand), null, false, null, false) : null;
                }
                case "$in" -> {
                    if (!(operand instanceof Collection<?> values) || !values.stream().allMatch(FieldLookup::isValue)) {
                        return null;
                    }
                    return new Condition(List.copyOf(values), null, false, null, false);
                }
                default -> {
                    if (!isValue(operand)) {
                        return null;
                    }
                    if (operator.getKey().startsWith("$g")) {
                        lower = operand;
                        lowerInclusive = operator.getKey().equals("$gte");
                    } else {
                        upper = operand;
                        upperInclusive = operator.getKey().equals("$lte");
                    }
                }
            }
        }
        return new Condition(null, lower, lowerInclusive, upper, upperInclusive);
    }

    /** A plain value: what equality and ranges compare by, in one total order. */
    private static boolean isValue(Object value) {
        return value != null && !(value instanceof Missing) && !isCompound(value)
                && !(value instanceof BsonRegularExpression) && !(value instanceof Pattern);
    }

    private static boolean isCompound(Object value) {
        return value instanceof Collection<?> || value instanceof Document || value instanceof Map<?, ?>;
    }
}
