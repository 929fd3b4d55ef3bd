package org.commissioning.kpi.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.commissioning.kpi.api.FrameworkHistory;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiUnit;
import org.commissioning.kpi.api.MonthlyReturnView;
import org.commissioning.kpi.api.Rating;
import org.commissioning.kpi.api.YearToDateView;
import org.commissioning.kpi.api.YearToDateView.KpiYearToDate;
import org.commissioning.kpi.api.YearToDateView.Method;

/**
 * Year to date per KPI over a financial year (April to March; 2018 is Apr-2018 to Mar-2019), from the contract's
 * totals as they stand (the provider's value after corrections; the council's figure for a KPI only the council
 * supplies):
 * <ul>
 *   <li>{@code EXACT_FROM_FRACTIONS}: a percentage whose every included month has a numerator and denominator:
 *       the sum of numerators over the sum of denominators (rated exactly);</li>
 *   <li>{@code SUM}: counts and money, summed over the months;</li>
 *   <li>{@code MEAN_OF_MONTHLY_VALUES}: a percentage where some month has only a value (the mean of the monthly
 *       percentages, which weights a month of 3 cases like a month of 300), and days (an average time does not
 *       add up over months).</li>
 * </ul>
 * Means and exact quotients are rounded half up to 2 decimals.
 */
public final class YearToDate {

    private record Monthly(YearMonth month, KpiUnit unit, BigDecimal value, Long numerator, Long denominator) {
    }

    private YearToDate() {
    }

    public static YearMonth start(int financialYear) {
        return YearMonth.of(financialYear, 4);
    }

    /** The financial year a month belongs to: 2018 for Apr-2018 to Mar-2019. */
    public static int financialYear(YearMonth month) {
        return month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
    }

    public static YearToDateView of(String contractId, int financialYear, List<MonthlyReturnView> returns,
                          FrameworkHistory frameworks) {
        return of(contractId, financialYear, returns, frameworks, null, null);
    }

    /**
     * As above for a contract whose term runs from {@code termFrom} to {@code termTo} (each null where not
     * recorded; {@code termTo} is the month the contract ended in if it was terminated or expired early): a month
     * outside the term is not missing, since no return was ever due for it.
     */
    public static YearToDateView of(String contractId, int financialYear, List<MonthlyReturnView> returns,
                          FrameworkHistory frameworks, YearMonth termFrom, YearMonth termTo) {
        YearMonth from = start(financialYear);
        YearMonth to = from.plusMonths(11);
        Set<String> codes = new LinkedHashSet<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            frameworks.inForce(m).ifPresent(v -> v.kpis().forEach(k -> codes.add(k.code())));
        }
        Map<String, List<Monthly>> byKpi = new LinkedHashMap<>();
        for (MonthlyReturnView r : returns) {
            YearMonth month = YearMonth.parse(r.period());
            if (month.isBefore(from) || month.isAfter(to)) {
                continue;
            }
            for (MonthlyReturnView.Value v : r.values()) {
                if (v.district() != null) {
                    continue;
                }
                Monthly monthly = v.value() != null
                        ? new Monthly(month, v.unit(), v.value(), v.numerator(), v.denominator())
                        : v.council() != null ? new Monthly(month, v.unit(), v.council().value(),
                        v.council().numerator(), v.council().denominator()) : null;
                if (monthly != null) {
                    codes.add(v.kpiCode());
                    byKpi.computeIfAbsent(v.kpiCode(), c -> new ArrayList<>()).add(monthly);
                }
            }
        }
        List<KpiYearToDate> kpis = new ArrayList<>();
        for (String code : codes) {
            List<Monthly> months = byKpi.getOrDefault(code, List.of()).stream()
                    .sorted(java.util.Comparator.comparing(Monthly::month)).toList();
            List<YearMonth> included = months.stream().map(Monthly::month).toList();
            List<YearMonth> missing = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                boolean inTerm = (termFrom == null || !m.isBefore(termFrom)) && (termTo == null || !m.isAfter(termTo));
                if (inTerm && !included.contains(m)) {
                    missing.add(m);
                }
            }
            Optional<KpiDefinition> kpi = (included.isEmpty() ? frameworks.inForce(to).or(frameworks::latest)
                    : frameworks.inForce(included.get(included.size() - 1))).flatMap(v -> v.kpi(code));
            KpiUnit unit = months.isEmpty() ? kpi.map(KpiDefinition::unit).orElse(null) : months.get(0).unit();
            kpis.add(months.isEmpty()
                    ? new KpiYearToDate(code, unit, null, null, null, null, null, included, missing)
                    : compute(code, unit, months, kpi, included, missing));
        }
        return new YearToDateView(contractId, financialYear, from, to, kpis);
    }

    private static KpiYearToDate compute(String code, KpiUnit unit, List<Monthly> months, Optional<KpiDefinition> kpi,
                                         List<YearMonth> included, List<YearMonth> missing) {
        if (unit == KpiUnit.PERCENT) {
            boolean fractions = months.stream().allMatch(m -> m.numerator() != null && m.denominator() != null);
            if (fractions) {
                long n = months.stream().mapToLong(Monthly::numerator).sum();
                long d = months.stream().mapToLong(Monthly::denominator).sum();
                BigDecimal value = BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(d), 2, RoundingMode.HALF_UP);
                Rating band = kpi.map(k -> k.bandTable().ratePercentage(n, d)).orElse(null);
                return new KpiYearToDate(code, unit, Method.EXACT_FROM_FRACTIONS, value, n, d, band, included, missing);
            }
            BigDecimal mean = mean(months);
            Rating band = kpi.map(k -> k.bandTable().rate(mean)).orElse(null);
            return new KpiYearToDate(code, unit, Method.MEAN_OF_MONTHLY_VALUES, mean, null, null, band, included,
                    missing);
        }
        if (unit == KpiUnit.DAYS) {
            return new KpiYearToDate(code, unit, Method.MEAN_OF_MONTHLY_VALUES, mean(months), null, null, null,
                    included, missing);
        }
        BigDecimal sum = months.stream().map(Monthly::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new KpiYearToDate(code, unit, Method.SUM, sum, null, null, null, included, missing);
    }

    private static BigDecimal mean(List<Monthly> months) {
        return months.stream().map(Monthly::value).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(months.size()), 2, RoundingMode.HALF_UP);
    }
}
