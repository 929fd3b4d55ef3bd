package org.commissioning.kpi.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.commissioning.events.kpi.v1.BandRating;
import org.commissioning.platform.domain.RuleViolationException;

/**
 * The threshold bands of one KPI, accepted only when they rate every value of the unit's range exactly once,
 * in the order the KPI's direction demands.
 * <p>
 * Checked, in this order, each refusal naming its rule:
 * <ol>
 *   <li>{@code band-missing} / {@code band-duplicate}: GREEN, AMBER and RED once each; STRETCH at most once;</li>
 *   <li>{@code band-out-of-range}: a bound outside the unit's range (open-ended is how a band reaches an end);</li>
 *   <li>{@code band-empty}: a band that rates no value, e.g. {@code [95, 90]} or {@code (100, ..)} in percent;</li>
 *   <li>{@code band-gap}: values no band rates, named, e.g. "values in (94, 95] are not rated";</li>
 *   <li>{@code band-overlap}: values two bands rate, named, e.g. "85 is rated both GREEN and AMBER";</li>
 *   <li>{@code band-order}: bands that do not rise RED, AMBER, GREEN, STRETCH for a higher-is-better KPI
 *       (the reverse for lower-is-better).</li>
 * </ol>
 * Which values count depends on the unit: a percentage can be any number from 0 to 100 (it may come from a
 * fraction), so {@code [85, 89]} and {@code [90, 94]} leave {@code (89, 90)} unrated; counts and days are whole
 * numbers and money is in pence, so for them the same two bands leave nothing out.
 *
 * @param bands the bands from the lowest values to the highest
 */
public record BandTable(KpiUnit unit, Direction direction, List<Band> bands) {

    /** The table of the bands, or a {@link RuleViolationException} naming what is wrong with them. */
    public static BandTable of(KpiUnit unit, Direction direction, List<Band> bands) {
        return new BandTable(unit, direction, bands);
    }

    /** Accepts the bands only as a table (else a {@link RuleViolationException}); keeps them lowest values first. */
    public BandTable {
        if (unit == null || direction == null) {
            throw new IllegalArgumentException("A band table needs a unit and a direction");
        }
        List<Band> given = bands == null ? List.of() : List.copyOf(bands);
        requireEachRatingOnce(given);
        List<Span> spans = new ArrayList<>();
        for (Band band : given) {
            requireInRange(unit, band);
            Span span = Span.of(unit, band);
            if (span.isEmpty()) {
                throw new RuleViolationException("band-empty", null, band + " rates no " + unit + " value");
            }
            spans.add(span);
        }
        List<String> gaps = gaps(unit, spans);
        List<String> overlaps = overlaps(unit, spans);
        if (!gaps.isEmpty()) {
            List<String> all = new ArrayList<>(gaps);
            all.addAll(overlaps);
            throw new RuleViolationException("band-gap", null, String.join("; ", all));
        }
        if (!overlaps.isEmpty()) {
            throw new RuleViolationException("band-overlap", null, String.join("; ", overlaps));
        }
        List<Span> rising = spans.stream().sorted(Comparator.comparing(Span::lo)).toList();
        List<Rating> actual = rising.stream().map(s -> s.band().rating()).toList();
        List<Rating> expected = direction.risingOrder().stream().filter(actual::contains).toList();
        if (!actual.equals(expected)) {
            throw new RuleViolationException("band-order", null, "The bands of a " + direction + " KPI must rise "
                    + join(expected) + " from the lowest values to the highest; these rise " + join(actual));
        }
        bands = rising.stream().map(Span::band).toList();
    }

    /**
     * The rating of a value of the unit, by {@link BandRating}.
     *
     * @throws IllegalArgumentException for a value the unit does not admit (out of range, or between the whole
     *                                  numbers of a count); refuse such values before rating them
     */
    public Rating rate(BigDecimal value) {
        if (value == null || !unit.admits(value)) {
            throw new IllegalArgumentException(value + " is not a " + unit + " value (" + unit.describeRange() + ")");
        }
        return BandRating.bandOf(bands, value).rating();
    }

    /**
     * The exact rating of the percentage {@code 100 * numerator / denominator}, by {@link BandRating}: 2 of 3
     * (66.66...) is never rated as if it were 66.67.
     */
    public Rating ratePercentage(long numerator, long denominator) {
        if (unit != KpiUnit.PERCENT || denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(numerator + "/" + denominator + " is not a percentage of a " + unit);
        }
        return BandRating.bandOfPercentage(bands, numerator, denominator).rating();
    }

    @Override
    public String toString() {
        return unit + " " + direction + " " + bands;
    }

    private static void requireEachRatingOnce(List<Band> bands) {
        Set<Rating> seen = EnumSet.noneOf(Rating.class);
        for (Band band : bands) {
            if (band == null || band.rating() == null) {
                throw new RuleViolationException("band-rating-required", null, "Every band needs a rating: "
                        + "STRETCH, GREEN, AMBER or RED");
            }
            if (!seen.add(band.rating())) {
                throw new RuleViolationException("band-duplicate", null, "There is more than one " + band.rating()
                        + " band; each rating has one band");
            }
        }
        Set<Rating> missing = EnumSet.of(Rating.GREEN, Rating.AMBER, Rating.RED);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw new RuleViolationException("band-missing", null, "A KPI needs GREEN, AMBER and RED bands "
                    + "(STRETCH is optional); missing " + join(List.copyOf(missing)));
        }
    }

    private static void requireInRange(KpiUnit unit, Band band) {
        for (BigDecimal bound : new BigDecimal[] {band.lower(), band.upper()}) {
            if (bound != null && !unit.inRange(bound)) {
                throw new RuleViolationException("band-out-of-range", null, band + ": the bound " + KpiUnit.plain(bound)
                        + " is outside the range of " + unit + " (" + unit.describeRange() + "); leave a band "
                        + "open-ended to reach the end of the range");
            }
        }
    }

    /** The parts of the unit's range that no band covers. */
    private static List<String> gaps(KpiUnit unit, List<Span> spans) {
        List<String> gaps = new ArrayList<>();
        Cut covered = Span.domainStart(unit);
        for (Span span : spans.stream().sorted(Comparator.comparing(Span::lo)).toList()) {
            if (span.lo().compareTo(covered) > 0) {
                gaps.add(new Span(null, covered, span.lo()).describe(unit) + " not rated");
            }
            if (span.hi().compareTo(covered) > 0) {
                covered = span.hi();
            }
        }
        Cut end = Span.domainEnd(unit);
        if (end.compareTo(covered) > 0) {
            gaps.add(new Span(null, covered, end).describe(unit) + " not rated");
        }
        return gaps;
    }

    /** The values two bands both cover, naming the bands in the order they were given. */
    private static List<String> overlaps(KpiUnit unit, List<Span> spans) {
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                Span a = spans.get(i);
                Span b = spans.get(j);
                Cut lo = max(a.lo(), b.lo());
                Cut hi = min(a.hi(), b.hi());
                if (lo.compareTo(hi) < 0) {
                    overlaps.add(new Span(null, lo, hi).describe(unit) + " rated both " + a.band().rating()
                            + " and " + b.band().rating());
                }
            }
        }
        return overlaps;
    }

    private static Cut max(Cut a, Cut b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Cut min(Cut a, Cut b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String join(List<Rating> ratings) {
        return ratings.stream().map(Rating::name).collect(Collectors.joining(", "));
    }

    /**
     * A place on the number line between values: just below {@code at} or just above it, or past either end.
     * A set of values from the line is then a half-open span {@code [lo, hi)} of cuts, whatever the inclusivity
     * of its bounds, so gaps and overlaps are plain comparisons.
     */
    record Cut(BigDecimal at, boolean above, int infinity) implements Comparable<Cut> {

        static final Cut BEYOND_TOP = new Cut(null, true, 1);

        static Cut below(BigDecimal at) {
            return new Cut(at, false, 0);
        }

        static Cut above(BigDecimal at) {
            return new Cut(at, true, 0);
        }

        @Override
        public int compareTo(Cut other) {
            if (infinity != 0 || other.infinity != 0) {
                return Integer.compare(infinity, other.infinity);
            }
            int byValue = at.compareTo(other.at);
            return byValue != 0 ? byValue : Boolean.compare(above, other.above);
        }
    }

    /**
     * The values a band rates, as cuts. For a discrete unit the band is first reduced to the grid values it
     * takes in ({@code a} to {@code b}) and spans {@code [below(a), below(b + step))}, so neighbouring grid
     * values leave no gap between them.
     */
    record Span(Band band, Cut lo, Cut hi) {

        static Span of(KpiUnit unit, Band band) {
            if (unit.continuous()) {
                Cut lo = band.lower() == null ? Cut.below(unit.min())
                        : band.lowerInclusive() ? Cut.below(band.lower()) : Cut.above(band.lower());
                Cut hi = band.upper() == null ? domainEnd(unit)
                        : band.upperInclusive() ? Cut.above(band.upper()) : Cut.below(band.upper());
                return new Span(band, lo, hi);
            }
            BigDecimal step = unit.step();
            int scale = unit.scale();
            BigDecimal first = band.lower() == null ? unit.min()
                    : band.lowerInclusive() ? band.lower().setScale(scale, RoundingMode.CEILING)
                    : band.lower().setScale(scale, RoundingMode.FLOOR).add(step);
            if (first.compareTo(unit.min()) < 0) {
                first = unit.min();
            }
            Cut hi;
            if (band.upper() == null) {
                hi = domainEnd(unit);
            } else {
                BigDecimal last = band.upperInclusive() ? band.upper().setScale(scale, RoundingMode.FLOOR)
                        : band.upper().setScale(scale, RoundingMode.CEILING).subtract(step);
                hi = Cut.below(last.add(step));
            }
            return new Span(band, Cut.below(first), hi);
        }

        static Cut domainStart(KpiUnit unit) {
            return Cut.below(unit.min());
        }

        static Cut domainEnd(KpiUnit unit) {
            return unit.max() == null ? Cut.BEYOND_TOP : Cut.above(unit.max());
        }

        boolean isEmpty() {
            return lo.compareTo(hi) >= 0;
        }

        /** "values in (94, 95] are", "85 is", "values from 200 up are". */
        String describe(KpiUnit unit) {
            if (unit.continuous()) {
                if (!lo.above() && hi.infinity() == 0 && hi.above() && lo.at().compareTo(hi.at()) == 0) {
                    return KpiUnit.plain(lo.at()) + " is";
                }
                String left = (lo.above() ? "(" : "[") + KpiUnit.plain(lo.at());
                String right = KpiUnit.plain(hi.at()) + (hi.above() ? "]" : ")");
                return "values in " + left + ", " + right + " are";
            }
            BigDecimal first = lo.at();
            if (hi.infinity() != 0) {
                return "values from " + KpiUnit.plain(first) + " up are";
            }
            BigDecimal last = hi.at().subtract(unit.step());
            return first.compareTo(last) == 0 ? KpiUnit.plain(first) + " is"
                    : "values in [" + KpiUnit.plain(first) + ", " + KpiUnit.plain(last) + "] are";
        }
    }
}
