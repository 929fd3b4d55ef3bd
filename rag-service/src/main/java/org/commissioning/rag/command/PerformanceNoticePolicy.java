package org.commissioning.rag.command;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiNoticeAssessment;
import org.commissioning.rag.api.KpiNoticeAssessment.MonthBand;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.NoticeRating;
import org.commissioning.rag.api.NoticeScope;
import org.commissioning.rag.api.PerformanceNoticeDraftedEvent;
import org.commissioning.rag.api.PeriodNoticeRating;
import org.commissioning.rag.api.Rating;

/**
 * Mapping policy {@value #VERSION}: a contract performance notice (Procurement Act 2023 s.71) derived from the
 * contract's recorded ratings for an assessment year. Pure.
 * <ul>
 *   <li>A band maps to GOOD (STRETCH, GREEN), APPROACHING_TARGET (AMBER) or, for RED, REQUIRES_IMPROVEMENT or
 *   INADEQUATE by the rule below; a month's contract rating NOT_RATED maps to OTHER.</li>
 *   <li>The KPIs are those of every framework version in force in a month of the year; a KPI's months are the months
 *   of the year its framework version in force includes it. Each month's band is that of the value rated (the
 *   provider's, else the council's; the latest correction).</li>
 *   <li>A KPI with no rated month is OTHER. Otherwise its rating follows its median band over its rated months, the
 *   lower of the two middle bands where the count is even (so a tie counts against the supplier): STRETCH or GREEN
 *   is GOOD, AMBER is APPROACHING_TARGET; RED is INADEQUATE ("significantly below") where at least three quarters of
 *   the rated months are RED, else REQUIRES_IMPROVEMENT.</li>
 *   <li>The overall rating is the worst KPI rating other than OTHER; OTHER where every KPI is OTHER (or there are
 *   none).</li>
 * </ul>
 * A changed rule is a new version with a new name, so every notice keeps naming the policy that derived it.
 */
public final class PerformanceNoticePolicy {

    public static final String VERSION = "pa2023-notice.v1";
    private static final String PROVIDER = "PROVIDER";

    private PerformanceNoticePolicy() {
    }

    /** What a month's band (or contract rating) maps to, RED being REQUIRES_IMPROVEMENT before the year's rule. */
    public static NoticeRating of(Rating rating) {
        return switch (rating) {
            case STRETCH, GREEN -> NoticeRating.GOOD;
            case AMBER -> NoticeRating.APPROACHING_TARGET;
            case RED -> NoticeRating.REQUIRES_IMPROVEMENT;
            case NOT_RATED -> NoticeRating.OTHER;
        };
    }

    /** A KPI's rating over its months' bands (null for a month without a value), and the rule that gave it. */
    public static Outcome rate(List<Rating> months) {
        List<Rating> rated = months.stream().filter(b -> b != null && b != Rating.NOT_RATED)
                .sorted(Comparator.comparingInt(PerformanceNoticePolicy::rank)).toList();
        if (rated.isEmpty()) {
            return new Outcome(NoticeRating.OTHER, 0, 0, "no value rated in the assessment year");
        }
        int red = (int) rated.stream().filter(b -> b == Rating.RED).count();
        Rating median = rated.get((rated.size() - 1) / 2);
        String counts = red + " of " + rated.size() + " rated months RED";
        if (median != Rating.RED) {
            return new Outcome(of(median), rated.size(), red, "median band " + median + " (" + counts + ")");
        }
        boolean significantly = red * 4 >= rated.size() * 3;
        return new Outcome(significantly ? NoticeRating.INADEQUATE : NoticeRating.REQUIRES_IMPROVEMENT, rated.size(),
                red, "median band RED, " + counts + (significantly ? " (at least three quarters)"
                : " (fewer than three quarters)"));
    }

    /** A KPI's outcome under the policy. */
    public record Outcome(NoticeRating rating, int ratedMonths, int redMonths, String rule) {
    }

    /** The worst rating other than OTHER; OTHER where there is none. */
    public static NoticeRating overall(List<NoticeRating> kpis) {
        NoticeRating worst = null;
        for (NoticeRating rating : kpis) {
            if (rating != NoticeRating.OTHER && (worst == null || rating.worseThan(worst))) {
                worst = rating;
            }
        }
        return worst == null ? NoticeRating.OTHER : worst;
    }

    /**
     * The draft notice of the year {@code yearFrom..yearTo} from the contract's stored rating events, in stream
     * order (frameworks, KPI values rated, contract ratings; any other event is ignored).
     */
    public static PerformanceNoticeDraftedEvent derive(String contractId, YearMonth yearFrom, YearMonth yearTo,
                                                       NoticeScope scope, List<?> ratingEvents) {
        List<FrameworkVersion> frameworks = new ArrayList<>();
        Map<YearMonth, Map<String, Map<String, Rating>>> bands = new HashMap<>();
        Map<YearMonth, Rating> contractRatings = new TreeMap<>();
        for (Object event : ratingEvents) {
            if (event instanceof FrameworkRecordedEvent e) {
                frameworks.add(e.framework());
            } else if (event instanceof KpiRatedEvent e) {
                bands.computeIfAbsent(e.period(), p -> new HashMap<>())
                        .computeIfAbsent(e.kpiCode(), k -> new HashMap<>()).put(e.source(), e.band());
            } else if (event instanceof ContractRatedEvent e) {
                contractRatings.put(e.period(), e.rating());
            }
        }
        Map<String, KpiSpec> kpis = new LinkedHashMap<>();
        Map<String, List<MonthBand>> months = new LinkedHashMap<>();
        for (YearMonth month = yearFrom; !month.isAfter(yearTo); month = month.plusMonths(1)) {
            Optional<FrameworkVersion> inForce = Frameworks.inForce(month, frameworks);
            if (inForce.isEmpty()) {
                continue;
            }
            for (KpiSpec kpi : inForce.get().kpis()) {
                kpis.putIfAbsent(kpi.code(), kpi);
                Map<String, Rating> bySource = bands.getOrDefault(month, Map.of()).getOrDefault(kpi.code(), Map.of());
                Rating band = bySource.containsKey(PROVIDER) ? bySource.get(PROVIDER)
                        : bySource.values().stream().findFirst().orElse(null);
                months.computeIfAbsent(kpi.code(), c -> new ArrayList<>()).add(new MonthBand(month.toString(), band));
            }
        }
        List<KpiNoticeAssessment> assessed = kpis.values().stream().map(kpi -> {
            List<MonthBand> kpiMonths = months.get(kpi.code());
            Outcome outcome = rate(kpiMonths.stream().map(MonthBand::band).toList());
            return new KpiNoticeAssessment(kpi.code(), kpi.name(), kpiMonths, outcome.ratedMonths(),
                    outcome.redMonths(), outcome.rating(), outcome.rule());
        }).toList();
        List<PeriodNoticeRating> periods = contractRatings.entrySet().stream()
                .filter(e -> !e.getKey().isBefore(yearFrom) && !e.getKey().isAfter(yearTo))
                .map(e -> new PeriodNoticeRating(e.getKey().toString(), e.getValue(), of(e.getValue()))).toList();
        return new PerformanceNoticeDraftedEvent(contractId, yearFrom, yearTo, VERSION, scope, assessed, periods,
                overall(assessed.stream().map(KpiNoticeAssessment::rating).toList()));
    }

    /** How many KPIs the framework version in force for {@code month} has, among the stored rating events. */
    public static int kpisInForce(List<?> ratingEvents, YearMonth month) {
        List<FrameworkVersion> frameworks = ratingEvents.stream().filter(FrameworkRecordedEvent.class::isInstance)
                .map(e -> ((FrameworkRecordedEvent) e).framework()).toList();
        return Frameworks.inForce(month, frameworks).map(f -> f.kpis().size()).orElse(0);
    }

    /** Worst first: RED, AMBER, GREEN, STRETCH. */
    private static int rank(Rating band) {
        return switch (band) {
            case RED -> 0;
            case AMBER -> 1;
            case GREEN -> 2;
            case STRETCH -> 3;
            case NOT_RATED -> -1;
        };
    }
}
