package org.commissioning.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.commissioning.events.kpi.v1.BandRating;
import org.commissioning.platform.domain.RuleViolationException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Band tables generated at random. Every accepted table rates each value of its unit's range exactly once, which
 * is checked here by reading each band's bounds literally ({@link BandRating#contains}), independently of how
 * {@link BandTable} reasons about gaps and overlaps; a gap or an overlap injected into an accepted table is
 * refused, naming the value at fault.
 * <p>
 * (Named {@code ...Test} so that the build's Surefire includes, {@code *Test}, {@code *Tests} and {@code *IT},
 * run it.)
 */
class BandTablePropertiesTest {

    @Property(tries = 500)
    void everyValueOfTheRangeIsRatedByExactlyOneBandOfAnAcceptedTable(@ForAll("acceptedTables") Table table,
                                                                      @ForAll("fractions") List<Double> fractions) {
        BandTable accepted = BandTable.of(table.unit(), table.direction(), table.bands());

        for (BigDecimal value : table.samples(fractions)) {
            List<Band> rating = table.bands().stream().filter(b -> BandRating.contains(b, value)).toList();
            assertThat(rating).as("bands rating %s in %s", value, table).hasSize(1);
            assertThat(accepted.rate(value)).as("rating of %s in %s", value, table).isEqualTo(rating.get(0).rating());
        }
    }

    @Property(tries = 300)
    void ratingsRiseAndFallWithTheKpisDirection(@ForAll("acceptedTables") Table table,
                                                @ForAll("fractions") List<Double> fractions) {
        BandTable accepted = BandTable.of(table.unit(), table.direction(), table.bands());
        List<Rating> rising = table.direction().risingOrder();

        List<Integer> ranks = new ArrayList<>(new TreeSet<>(table.samples(fractions))).stream()
                .map(v -> rising.indexOf(accepted.rate(v))).toList();

        assertThat(ranks).as("ranks of the ratings of ascending values in %s", table).isSorted();
    }

    @Property(tries = 500)
    void aTableWithAValueLeftOutIsRefusedNamingThatValue(@ForAll("acceptedTables") Table table,
                                                         @ForAll @IntRange(min = 0, max = 2) int at) {
        refusedAtACut(table, at, false, "band-gap", " is not rated");
    }

    @Property(tries = 500)
    void aTableWithAValueRatedTwiceIsRefusedNamingThatValue(@ForAll("acceptedTables") Table table,
                                                            @ForAll @IntRange(min = 0, max = 2) int at) {
        refusedAtACut(table, at, true, "band-overlap", " is rated both");
    }

    /**
     * The table with both bands meeting at one of its cuts made to include that value ({@code inclusive}) or both
     * to leave it out is refused for {@code rule}, naming the value.
     */
    private static void refusedAtACut(Table table, int at, boolean inclusive, String rule, String naming) {
        int cut = at % table.cuts().size();

        RuleViolationException refused = refusal(table.withBoundsAt(cut, inclusive, inclusive));

        assertThat(refused.rule()).isEqualTo(rule);
        assertThat(refused.getMessage()).contains(KpiUnit.plain(table.cuts().get(cut)) + naming);
    }

    @Property(tries = 300)
    void aTableWhoseLowestBandStartsAboveTheBottomOfTheRangeIsRefused(@ForAll("acceptedTables") Table table) {
        BigDecimal start = table.cuts().get(0).divide(BigDecimal.valueOf(2), table.unit().scale(), RoundingMode.CEILING);
        Table broken = table.withLowestBandFrom(start);

        RuleViolationException refused = refusal(broken);

        assertThat(refused.rule()).isEqualTo("band-gap");
        assertThat(refused.getMessage()).matches("(values in \\[0, .*|0 is not rated.*)");
    }

    @Property(tries = 300)
    void aTableRisingAgainstItsDirectionIsRefused(@ForAll("acceptedTables") Table table) {
        Direction opposite = table.direction() == Direction.HIGHER_IS_BETTER
                ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER;

        assertThatThrownBy(() -> BandTable.of(table.unit(), opposite, table.bands()))
                .isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("rule", "band-order");
    }

    private static RuleViolationException refusal(Table table) {
        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> BandTable.of(table.unit(), table.direction(), table.bands()));
        assertThat(refused).as("refusal of %s", table).isNotNull();
        return refused;
    }

    /** Where random values are taken within each band, as fractions of its width. */
    @Provide
    Arbitrary<List<Double>> fractions() {
        return Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Table> acceptedTables() {
        Arbitrary<KpiUnit> units = Arbitraries.of(KpiUnit.class);
        Arbitrary<Direction> directions = Arbitraries.of(Direction.class);
        Arbitrary<Boolean> stretch = Arbitraries.of(true, false);
        Arbitrary<List<Integer>> points = Arbitraries.integers().between(1, 3_000).set().ofSize(3)
                .map(set -> set.stream().sorted().toList());
        Arbitrary<List<Style>> styles = Arbitraries.of(Style.class).list().ofSize(3);
        Arbitrary<Boolean> openStart = Arbitraries.of(true, false);
        Arbitrary<Boolean> openEnd = Arbitraries.of(true, false);
        Arbitrary<Long> shuffle = Arbitraries.longs();
        return Combinators.combine(units, directions, stretch, points, styles, openStart, openEnd, shuffle)
                .as(Table::generate);
    }

    /** How the two bands meeting at a cut point state it. */
    enum Style {
        /** {@code ..., c]} then {@code (c, ...}. */
        LOWER_TAKES_IT,
        /** {@code ..., c)} then {@code [c, ...}. */
        UPPER_TAKES_IT,
        /** Discrete units: {@code ..., c - step]} then {@code [c, ...}, the way "85-89, 90-94" is printed. */
        NEIGHBOURING_VALUES,
        /** Discrete units: both bands end half a step below c, e.g. {@code ..., 89.5)} then {@code (89.5, ...}. */
        BETWEEN_VALUES
    }

    /**
     * A generated table with the points where its bands meet, ascending.
     *
     * @param bands in random order, as a user might give them
     */
    record Table(KpiUnit unit, Direction direction, List<Band> bands, List<BigDecimal> cuts, List<Style> styles,
                 boolean openStart, boolean openEnd) {

        static Table generate(KpiUnit unit, Direction direction, boolean stretch, List<Integer> points,
                              List<Style> styles, boolean openStart, boolean openEnd, long shuffle) {
            List<Rating> ratings = direction.risingOrder().stream()
                    .filter(r -> stretch || r != Rating.STRETCH).toList();
            List<BigDecimal> cuts = new ArrayList<>();
            for (int i = 0; i < ratings.size() - 1; i++) {
                cuts.add(cut(unit, points.get(i)));
            }
            List<Style> used = new ArrayList<>();
            for (int i = 0; i < cuts.size(); i++) {
                Style style = styles.get(i);
                if (unit.continuous() && (style == Style.NEIGHBOURING_VALUES || style == Style.BETWEEN_VALUES)) {
                    style = style == Style.NEIGHBOURING_VALUES ? Style.LOWER_TAKES_IT : Style.UPPER_TAKES_IT;
                }
                used.add(style);
            }
            boolean endOpen = openEnd || unit.max() == null;
            return new Table(unit, direction, build(unit, ratings, cuts, used, openStart, endOpen, shuffle), cuts,
                    used, openStart, endOpen);
        }

        /** Percentages with up to 2 decimals in (0, 100); whole numbers, or pence, three steps apart at least. */
        private static BigDecimal cut(KpiUnit unit, int point) {
            return switch (unit) {
                case PERCENT -> BigDecimal.valueOf(point * 3L, 2).add(BigDecimal.valueOf(3, 2)).min(new BigDecimal("99.99"));
                case COUNT, DAYS -> BigDecimal.valueOf(point * 3L);
                case MONEY -> BigDecimal.valueOf(point * 3L, 2);
            };
        }

        private static List<Band> build(KpiUnit unit, List<Rating> ratings, List<BigDecimal> cuts, List<Style> styles,
                                        boolean openStart, boolean openEnd, long shuffle) {
            List<Band> bands = new ArrayList<>();
            for (int i = 0; i < ratings.size(); i++) {
                BigDecimal lower = null;
                boolean lowerInclusive = false;
                if (i == 0) {
                    if (!openStart) {
                        lower = unit.min();
                        lowerInclusive = true;
                    }
                } else {
                    Bound b = upperSide(unit, cuts.get(i - 1), styles.get(i - 1));
                    lower = b.at();
                    lowerInclusive = b.inclusive();
                }
                BigDecimal upper = null;
                boolean upperInclusive = false;
                if (i == ratings.size() - 1) {
                    if (!openEnd) {
                        upper = unit.max();
                        upperInclusive = true;
                    }
                } else {
                    Bound b = lowerSide(unit, cuts.get(i), styles.get(i));
                    upper = b.at();
                    upperInclusive = b.inclusive();
                }
                bands.add(new Band(ratings.get(i), lower, lowerInclusive, upper, upperInclusive));
            }
            Collections.shuffle(bands, new Random(shuffle));
            return List.copyOf(bands);
        }

        /** The upper end of the band below the cut. */
        private static Bound lowerSide(KpiUnit unit, BigDecimal cut, Style style) {
            return switch (style) {
                case LOWER_TAKES_IT -> new Bound(cut, true);
                case UPPER_TAKES_IT -> new Bound(cut, false);
                case NEIGHBOURING_VALUES -> new Bound(cut.subtract(unit.step()), true);
                case BETWEEN_VALUES -> new Bound(cut.subtract(halfStep(unit)), cut.intValue() % 2 == 0);
            };
        }

        /** The lower end of the band above the cut. */
        private static Bound upperSide(KpiUnit unit, BigDecimal cut, Style style) {
            return switch (style) {
                case LOWER_TAKES_IT -> new Bound(cut, false);
                case UPPER_TAKES_IT, NEIGHBOURING_VALUES -> new Bound(cut, true);
                case BETWEEN_VALUES -> new Bound(cut.subtract(halfStep(unit)), cut.intValue() % 3 == 0);
            };
        }

        private static BigDecimal halfStep(KpiUnit unit) {
            return unit.step().divide(BigDecimal.valueOf(2));
        }

        /** The same table with the bands meeting at cut {@code i} both ending at it, each inclusive or not. */
        Table withBoundsAt(int i, boolean lowerBandTakesIt, boolean upperBandTakesIt) {
            Rating below = risingRatings().get(i);
            Rating above = risingRatings().get(i + 1);
            BigDecimal cut = cuts.get(i);
            List<Band> changed = bands.stream().map(b -> {
                if (b.rating() == below) {
                    return new Band(b.rating(), b.lower(), b.lowerInclusive(), cut, lowerBandTakesIt);
                }
                if (b.rating() == above) {
                    return new Band(b.rating(), cut, upperBandTakesIt, b.upper(), b.upperInclusive());
                }
                return b;
            }).toList();
            return new Table(unit, direction, changed, cuts, styles, openStart, openEnd);
        }

        /** The same table with its lowest band starting, inclusive, at {@code start} rather than at 0. */
        Table withLowestBandFrom(BigDecimal start) {
            Rating lowest = risingRatings().get(0);
            List<Band> changed = bands.stream()
                    .map(b -> b.rating() == lowest ? new Band(b.rating(), start, true, b.upper(), b.upperInclusive()) : b)
                    .toList();
            return new Table(unit, direction, changed, cuts, styles, openStart, openEnd);
        }

        private List<Rating> risingRatings() {
            return direction.risingOrder().stream().filter(r -> bands.stream().anyMatch(b -> b.rating() == r)).toList();
        }

        /**
         * Values to rate: the bottom (and top) of the range, every bound and the values just beside it, values
         * inside each band, and far beyond the last cut for units without an upper end; only values the unit admits.
         */
        List<BigDecimal> samples(List<Double> fractions) {
            List<BigDecimal> candidates = new ArrayList<>();
            candidates.add(unit.min());
            if (unit.max() != null) {
                candidates.add(unit.max());
            } else {
                candidates.add(new BigDecimal("1000000000"));
            }
            List<BigDecimal> nudges = unit.continuous()
                    ? List.of(BigDecimal.ZERO, new BigDecimal("0.01"), new BigDecimal("0.000001"))
                    : List.of(BigDecimal.ZERO, unit.step(), unit.step().add(unit.step()));
            for (Band band : bands) {
                for (BigDecimal bound : new BigDecimal[] {band.lower(), band.upper()}) {
                    if (bound == null) {
                        continue;
                    }
                    for (BigDecimal nudge : nudges) {
                        candidates.add(bound.add(nudge));
                        candidates.add(bound.subtract(nudge));
                    }
                    if (!unit.continuous()) {
                        candidates.add(bound.setScale(unit.scale(), RoundingMode.FLOOR));
                        candidates.add(bound.setScale(unit.scale(), RoundingMode.CEILING));
                    }
                }
            }
            List<BigDecimal> edges = new ArrayList<>();
            edges.add(unit.min());
            edges.addAll(cuts);
            edges.add(unit.max() == null ? cuts.get(cuts.size() - 1).multiply(BigDecimal.TEN) : unit.max());
            for (int i = 0; i < edges.size() - 1; i++) {
                BigDecimal width = edges.get(i + 1).subtract(edges.get(i));
                for (double f : fractions) {
                    BigDecimal inside = edges.get(i).add(width.multiply(BigDecimal.valueOf(f)));
                    candidates.add(unit.continuous() ? inside.setScale(6, RoundingMode.HALF_UP)
                            : inside.setScale(unit.scale(), RoundingMode.HALF_UP));
                }
            }
            return candidates.stream().filter(unit::admits).distinct().toList();
        }
    }

    record Bound(BigDecimal at, boolean inclusive) {
    }
}
