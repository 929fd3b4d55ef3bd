package org.commissioning.testsupport.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An auditor's re-derivation of the ratings of an evidence pack from the pack's own files, independent of the
 * service that rated: it reads only {@value #BANDS}, {@value #EVIDENCE}, {@value #RATINGS} and {@value #POLICIES},
 * and applies the rule as {@code policies.json} defines it (its data: what a band counts as, which band is worst,
 * what a missing headline gives), with a band rating of its own written from the rule's words. It uses no class of
 * rag-service nor the published language's band rating, so a defect there is not repeated here.
 * <p>
 * For each rating: every evidence value is rated again by the band table of its framework version, and the period's
 * computed rating recomputed from the headline KPIs of the framework version in force (among those recorded before
 * the rating). A rating whose bands, missing headlines or computed rating differ, or whose basis COMPUTED rating is
 * not its computed rating, is one {@link Mismatch} with every reason.
 */
public final class PackRatings {

    public static final String RATINGS = "ratings/ratings.csv";
    public static final String EVIDENCE = "ratings/evidence.csv";
    public static final String BANDS = "ratings/bands.csv";
    public static final String POLICIES = "ratings/policies.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PackRatings() {
    }

    /**
     * A rating of the pack that does not re-derive from its files.
     *
     * @param recorded   the computed rating the pack records (of a cross-check: the evidence value)
     * @param recomputed what the files yield, null where they yield nothing (of a cross-check: the kpi files' value)
     * @param reasons    every difference, in words
     */
    public record Mismatch(String period, long sequence, String recorded, String recomputed, List<String> reasons) {
    }

    /** The value a period's rating of a KPI should rest on, as another part of the pack (kpi) gives it. */
    public record KpiValue(String period, String kpiCode, BigDecimal value) {
    }

    /** Every rating of the pack that does not follow from its evidence, band tables and policy; empty if all do. */
    public static List<Mismatch> rederive(Map<String, String> files) {
        Map<String, JsonNode> policies = policies(file(files, POLICIES));
        Map<Integer, Framework> frameworks = frameworks(csv(file(files, BANDS)));
        Map<Long, List<CSVRecord>> evidence = new LinkedHashMap<>();
        csv(file(files, EVIDENCE)).forEach(e -> evidence.computeIfAbsent(Long.parseLong(e.get("sequence")),
                s -> new ArrayList<>()).add(e));
        List<Mismatch> mismatches = new ArrayList<>();
        Set<Long> rated = new TreeSet<>();
        for (CSVRecord rating : csv(file(files, RATINGS))) {
            long sequence = Long.parseLong(rating.get("sequence"));
            rated.add(sequence);
            check(rating, sequence, evidence.getOrDefault(sequence, List.of()), frameworks, policies)
                    .ifPresent(mismatches::add);
        }
        evidence.forEach((sequence, rows) -> {
            if (!rated.contains(sequence)) {
                mismatches.add(new Mismatch(rows.get(0).get("period"), sequence, null, null,
                        List.of("evidence of a rating that " + RATINGS + " does not hold")));
            }
        });
        return mismatches;
    }

    /**
     * The evidence of each period's latest rating against the values another part of the pack says the rating should
     * rest on (e.g. the kpi part's returns, after corrections, the provider's value else the council's): an evidence
     * value that differs or has no counterpart, and a headline recorded missing that has a value there.
     */
    public static List<Mismatch> crossCheck(Map<String, String> files, List<KpiValue> values) {
        Map<String, BigDecimal> byPeriodAndCode = new HashMap<>();
        values.forEach(v -> byPeriodAndCode.put(v.period() + " " + v.kpiCode(), v.value()));
        Map<String, CSVRecord> latest = new LinkedHashMap<>();
        csv(file(files, RATINGS)).stream().sorted(Comparator.comparingLong(r -> Long.parseLong(r.get("sequence"))))
                .forEach(r -> latest.put(r.get("period"), r));
        Map<Long, List<CSVRecord>> evidence = new HashMap<>();
        csv(file(files, EVIDENCE)).forEach(e -> evidence.computeIfAbsent(Long.parseLong(e.get("sequence")),
                s -> new ArrayList<>()).add(e));
        List<Mismatch> mismatches = new ArrayList<>();
        for (CSVRecord rating : latest.values()) {
            String period = rating.get("period");
            long sequence = Long.parseLong(rating.get("sequence"));
            for (CSVRecord e : evidence.getOrDefault(sequence, List.of())) {
                BigDecimal value = byPeriodAndCode.get(period + " " + e.get("kpiCode"));
                BigDecimal recorded = new BigDecimal(e.get("value"));
                if (value == null || value.compareTo(recorded) != 0) {
                    mismatches.add(new Mismatch(period, sequence, recorded.toPlainString(),
                            value == null ? null : value.toPlainString(), List.of("KPI " + e.get("kpiCode")
                            + " rests on " + recorded.toPlainString() + (value == null ? ", which has no value there"
                            : ", the value there is " + value.toPlainString()))));
                }
            }
            for (String missing : list(rating.get("missingHeadlines"))) {
                BigDecimal value = byPeriodAndCode.get(period + " " + missing);
                if (value != null) {
                    mismatches.add(new Mismatch(period, sequence, null, value.toPlainString(), List.of("headline "
                            + missing + " is recorded without a value, the value there is " + value.toPlainString())));
                }
            }
        }
        return mismatches;
    }

    private static Optional<Mismatch> check(CSVRecord rating, long sequence, List<CSVRecord> evidence,
                                            Map<Integer, Framework> frameworks, Map<String, JsonNode> policies) {
        String period = rating.get("period");
        String recorded = rating.get("computedRating");
        List<String> reasons = new ArrayList<>();
        JsonNode policy = policies.get(rating.get("policyVersion"));
        if (policy == null || !"worst".equals(policy.path("combine").asText())) {
            reasons.add("policy " + rating.get("policyVersion") + (policy == null ? " is not defined in " + POLICIES
                    : " is not a worst-band rule this tool applies"));
            return Optional.of(new Mismatch(period, sequence, recorded, null, reasons));
        }
        Map<String, String> bands = new LinkedHashMap<>();
        boolean unrated = false;
        for (CSVRecord e : evidence) {
            Optional<String> band = band(e, frameworks, reasons);
            band.filter(b -> !b.equals(e.get("band"))).ifPresent(b -> reasons.add("KPI " + e.get("kpiCode") + " = "
                    + figure(e) + " rates " + b + " under framework version " + e.get("frameworkVersion")
                    + ", recorded " + e.get("band")));
            band.ifPresent(b -> bands.put(e.get("kpiCode"), b));
            unrated |= band.isEmpty();
        }
        Optional<Framework> inForce = frameworks.values().stream()
                .filter(f -> f.sequence() < sequence && f.effectiveFrom().compareTo(period) <= 0)
                .max(Comparator.comparing(Framework::effectiveFrom).thenComparingInt(Framework::version));
        String recomputed;
        if (inForce.isEmpty()) {
            recomputed = policy.path("frameworkInForce").path("none").asText();
            if (!evidence.isEmpty()) {
                reasons.add("evidence is recorded but no framework version is in force for " + period);
            }
        } else {
            List<String> headlines = inForce.get().headlines();
            bands.keySet().stream().filter(c -> !headlines.contains(c)).forEach(c -> reasons.add("KPI " + c
                    + " is not a headline of framework version " + inForce.get().version() + ", in force for "
                    + period));
            List<String> missing = headlines.stream().filter(h -> evidence.stream()
                    .noneMatch(e -> e.get("kpiCode").equals(h))).toList();
            if (!new TreeSet<>(missing).equals(new TreeSet<>(list(rating.get("missingHeadlines"))))) {
                reasons.add("headlines without a value: recorded " + list(rating.get("missingHeadlines"))
                        + ", recomputed " + missing);
            }
            recomputed = !missing.isEmpty() ? policy.path("anyHeadlineMissing").asText()
                    : headlines.isEmpty() ? policy.path("noHeadline").asText()
                    : unrated ? null : worst(headlines.stream().map(bands::get).toList(), policy);
        }
        if (!Objects.equals(recomputed, recorded)) {
            reasons.add("the evidence rates " + recomputed + ", recorded " + recorded);
        }
        if ("COMPUTED".equals(rating.get("basis")) && !rating.get("rating").equals(recorded)) {
            reasons.add("rating " + rating.get("rating") + " is recorded with basis COMPUTED beside the computed "
                    + "rating " + recorded);
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(new Mismatch(period, sequence, recorded,
                recomputed, reasons));
    }

    /** The worst of the bands as the policy counts them: its {@code countsAs}, then the first in {@code worstFirst}. */
    private static String worst(List<String> bands, JsonNode policy) {
        List<String> worstFirst = new ArrayList<>();
        policy.path("worstFirst").forEach(r -> worstFirst.add(r.asText()));
        return bands.stream().map(b -> policy.path("countsAs").path(b).asText())
                .min(Comparator.comparingInt(worstFirst::indexOf)).orElseThrow();
    }

    /** The one band of the value's table that takes the value in; empty, with the reason, where none or several do. */
    private static Optional<String> band(CSVRecord e, Map<Integer, Framework> frameworks, List<String> reasons) {
        String code = e.get("kpiCode");
        Framework framework = frameworks.get(Integer.parseInt(e.get("frameworkVersion")));
        List<Band> table = framework == null ? null : framework.tables().get(code);
        if (table == null) {
            reasons.add("KPI " + code + " has no band table of framework version " + e.get("frameworkVersion")
                    + " in " + BANDS);
            return Optional.empty();
        }
        BigDecimal[] fraction = fraction(e);
        List<String> taking = table.stream().filter(b -> b.takes(fraction[0], fraction[1])).map(Band::rating)
                .toList();
        if (taking.size() != 1) {
            reasons.add("KPI " + code + " = " + figure(e) + " is taken in by " + taking.size() + " bands of framework "
                    + "version " + e.get("frameworkVersion") + ", not exactly one");
            return Optional.empty();
        }
        return Optional.of(taking.get(0));
    }

    /** The figure rated as numerator over denominator: 100 * n / d for a fraction, else the value over 1. */
    private static BigDecimal[] fraction(CSVRecord e) {
        String numerator = e.get("numerator");
        String denominator = e.get("denominator");
        if (!numerator.isEmpty() && !denominator.isEmpty() && new BigDecimal(denominator).signum() != 0) {
            return new BigDecimal[] {new BigDecimal(numerator).multiply(HUNDRED), new BigDecimal(denominator)};
        }
        return new BigDecimal[] {new BigDecimal(e.get("value")), BigDecimal.ONE};
    }

    private static String figure(CSVRecord e) {
        return e.get("numerator").isEmpty() ? e.get("value")
                : e.get("value") + " (" + e.get("numerator") + "/" + e.get("denominator") + ")";
    }

    private record Band(String rating, BigDecimal lower, boolean lowerInclusive, BigDecimal upper,
                        boolean upperInclusive) {

        /** Whether {@code n / d} lies within the bounds, compared exactly: n against bound * d. */
        boolean takes(BigDecimal n, BigDecimal d) {
            if (lower != null) {
                int c = n.compareTo(lower.multiply(d)) * d.signum();
                if (c < 0 || c == 0 && !lowerInclusive) {
                    return false;
                }
            }
            if (upper != null) {
                int c = n.compareTo(upper.multiply(d)) * d.signum();
                return c < 0 || c == 0 && upperInclusive;
            }
            return true;
        }
    }

    private record Framework(int version, String effectiveFrom, long sequence, Map<String, List<Band>> tables,
                             Set<String> headlineCodes) {

        List<String> headlines() {
            return List.copyOf(headlineCodes);
        }
    }

    private static Map<Integer, Framework> frameworks(List<CSVRecord> rows) {
        Map<Integer, Framework> frameworks = new LinkedHashMap<>();
        for (CSVRecord row : rows) {
            Framework framework = frameworks.computeIfAbsent(Integer.parseInt(row.get("frameworkVersion")),
                    v -> new Framework(v, row.get("effectiveFrom"), Long.parseLong(row.get("sequence")),
                            new LinkedHashMap<>(), new LinkedHashSet<>()));
            framework.tables().computeIfAbsent(row.get("kpiCode"), c -> new ArrayList<>()).add(new Band(
                    row.get("band"), decimal(row.get("lower")), Boolean.parseBoolean(row.get("lowerInclusive")),
                    decimal(row.get("upper")), Boolean.parseBoolean(row.get("upperInclusive"))));
            if (Boolean.parseBoolean(row.get("headline"))) {
                framework.headlineCodes().add(row.get("kpiCode"));
            }
        }
        return frameworks;
    }

    private static Map<String, JsonNode> policies(String text) {
        try {
            Map<String, JsonNode> policies = new HashMap<>();
            JSON.readTree(text).forEach(p -> policies.put(p.path("id").asText(), p));
            return policies;
        } catch (IOException e) {
            throw new UncheckedIOException(POLICIES + " is not JSON", e);
        }
    }

    private static List<CSVRecord> csv(String text) {
        return PartContents.rows(text);
    }

    private static String file(Map<String, String> files, String name) {
        String text = files.get(name);
        if (text == null) {
            throw new IllegalArgumentException("The pack has no " + name);
        }
        return text;
    }

    private static BigDecimal decimal(String text) {
        return text.isEmpty() ? null : new BigDecimal(text);
    }

    private static List<String> list(String cell) {
        return cell.isEmpty() ? List.of() : List.of(cell.split(";"));
    }
}
