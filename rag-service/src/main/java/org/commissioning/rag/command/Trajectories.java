package org.commissioning.rag.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;

import org.commissioning.events.kpi.v1.BandRating;
import org.commissioning.rag.api.BandSpec;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.KpiProjection;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.Trend;

/**
 * Trajectory method {@value #METHOD}. Pure. For each headline KPI of the framework version in force at the latest
 * rated month, an ordinary least-squares line is fitted through its values in the last six rated months (x = the
 * month, so a month without a rating leaves a gap rather than being skipped over), and read off
 * {@code horizon} months after the latest one. The projected value is kept within the band table's range (a
 * percentage does not pass 100) and rated by the same band table; the projected contract rating is the worst
 * projected band, STRETCH counting as GREEN, as in the rating policy. The trend compares the line with itself: the
 * rating it gives at the horizon against the rating it gives at the latest month (both the worst band of the fitted
 * values), so one outlying month does not reverse it, and STABLE means the line stays within its bands. Fewer than
 * {@value #MIN_POINTS} values of any headline KPI in the window, or none in the latest month: no assessment.
 */
public final class Trajectories {

    public static final String METHOD = "least-squares-6m.v1";
    public static final int WINDOW = 6;
    public static final int MIN_POINTS = 3;
    public static final int HORIZON = 3;

    private Trajectories() {
    }

    /** A computed assessment: where the rating is heading and the per-KPI projections it rests on. */
    public record Assessment(YearMonth period, Rating currentRating, Rating projectedRating, Trend trend,
                             List<KpiProjection> projections) {
    }

    /**
     * @param framework the framework version in force at the latest rated month
     * @param rated     the rated months (computed rating other than NOT_RATED), each with its chosen values by KPI
     *                  code; only the last {@value #WINDOW} are used
     * @param current   the latest rated month's computed rating
     */
    public static Optional<Assessment> assess(FrameworkVersion framework,
                                              NavigableMap<YearMonth, Map<String, KpiInput>> rated, Rating current) {
        if (rated.isEmpty() || framework.headlines().isEmpty() || !current.decidable()) {
            return Optional.empty();
        }
        List<YearMonth> window = new ArrayList<>(rated.descendingKeySet().stream().limit(WINDOW).toList());
        java.util.Collections.reverse(window);
        YearMonth first = window.get(0);
        YearMonth latest = window.get(window.size() - 1);
        List<KpiProjection> projections = new ArrayList<>();
        Rating projected = null;
        Rating fitted = null;
        for (KpiSpec kpi : framework.headlines()) {
            List<YearMonth> months = new ArrayList<>();
            List<BigDecimal> values = new ArrayList<>();
            for (YearMonth month : window) {
                KpiInput input = rated.get(month).get(kpi.code());
                if (input != null) {
                    months.add(month);
                    values.add(input.value());
                }
            }
            if (months.size() < MIN_POINTS || !months.get(months.size() - 1).equals(latest)) {
                return Optional.empty();
            }
            double[] x = months.stream().mapToDouble(m -> ChronoUnit.MONTHS.between(first, m)).toArray();
            double[] y = values.stream().mapToDouble(BigDecimal::doubleValue).toArray();
            double slope = slope(x, y);
            double intercept = mean(y) - slope * mean(x);
            long now = ChronoUnit.MONTHS.between(first, latest);
            BigDecimal fittedValue = read(kpi.bands(), intercept + slope * now);
            BigDecimal value = read(kpi.bands(), intercept + slope * (now + HORIZON));
            Rating fittedBand = BandRating.bandOf(kpi.bands(), fittedValue).rating();
            Rating band = BandRating.bandOf(kpi.bands(), value).rating();
            Rating currentBand = rated.get(latest).get(kpi.code()).band();
            projections.add(new KpiProjection(kpi.code(), months, values,
                    BigDecimal.valueOf(slope).setScale(2, RoundingMode.HALF_UP), fittedValue, fittedBand, value,
                    currentBand, band));
            projected = worst(projected, band);
            fitted = worst(fitted, fittedBand);
        }
        return Optional.of(new Assessment(latest, current, projected, Trend.of(fitted, projected), projections));
    }

    private static Rating worst(Rating so, Rating band) {
        Rating counted = band.asContractRating();
        return so == null || counted.worseThan(so) ? counted : so;
    }

    private static BigDecimal read(List<BandSpec> bands, double value) {
        return clamp(bands, BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
    }

    static double slope(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Keeps a projected value within the lowest and highest bound of the band table. */
    static BigDecimal clamp(List<BandSpec> bands, BigDecimal value) {
        BigDecimal low = bands.stream().map(BandSpec::lower).filter(Objects::nonNull).min(BigDecimal::compareTo)
                .orElse(null);
        BigDecimal high = bands.stream().map(BandSpec::upper).filter(Objects::nonNull).max(BigDecimal::compareTo)
                .orElse(null);
        boolean openBelow = bands.stream().anyMatch(b -> b.lower() == null);
        boolean openAbove = bands.stream().anyMatch(b -> b.upper() == null);
        if (!openBelow && low != null && value.compareTo(low) < 0) {
            return low;
        }
        if (!openAbove && high != null && value.compareTo(high) > 0) {
            return high;
        }
        return value;
    }
}
