package org.commissioning.rag.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fields in which two values of the same record type differ, compared component by component: nested records
 * and lists element by element ({@code evidence[0].band}), numbers by value ({@code 92} equals {@code 92.0}) and
 * instants to the millisecond (what MongoDB keeps of a date). Pure.
 */
public final class Differences {

    /** One field that differs: its path, the left value and the right value (null where a side has none). */
    public record Difference(String field, Object left, Object right) {
    }

    private Differences() {
    }

    public static List<Difference> between(Object left, Object right) {
        List<Difference> differences = new ArrayList<>();
        compare("", left, right, differences);
        return differences;
    }

    private static void compare(String path, Object left, Object right, List<Difference> out) {
        if (left instanceof Record l && right instanceof Record r && l.getClass() == r.getClass()) {
            for (var component : l.getClass().getRecordComponents()) {
                compare(path.isEmpty() ? component.getName() : path + "." + component.getName(),
                        value(component, l), value(component, r), out);
            }
        } else if (left instanceof List<?> l && right instanceof List<?> r) {
            for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
                compare(path + "[" + i + "]", i < l.size() ? l.get(i) : null, i < r.size() ? r.get(i) : null, out);
            }
        } else if (!same(left, right)) {
            out.add(new Difference(path, left, right));
        }
    }

    private static boolean same(Object left, Object right) {
        if (left instanceof BigDecimal l && right instanceof BigDecimal r) {
            return l.compareTo(r) == 0;
        }
        if (left instanceof Instant l && right instanceof Instant r) {
            return l.truncatedTo(ChronoUnit.MILLIS).equals(r.truncatedTo(ChronoUnit.MILLIS));
        }
        return Objects.equals(left, right);
    }

    private static Object value(java.lang.reflect.RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
