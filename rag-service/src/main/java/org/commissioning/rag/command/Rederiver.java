package org.commissioning.rag.command;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.commissioning.events.kpi.v1.BandRating;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RatingRecord;
import org.commissioning.rag.api.Rederivation;
import org.commissioning.rag.api.Rederivation.Mismatch;

/**
 * Recomputes recorded ratings from their recorded evidence with the current {@link BandRating} and
 * {@link WorstHeadlineBandPolicy}. Pure. For each recorded ContractRated, every evidence value is rated again
 * against the band table of the framework version recorded with that value, and the policy is applied to those
 * values under the framework version in force for the period among the versions recorded with the rating. A band,
 * computed rating, set of missing headlines or policy version that differs from the record is a mismatch.
 * <p>
 * An officer's {@code rating} is a judgement and is not re-derived; the {@code computedRating} beside it is.
 */
public final class Rederiver {

    static final String CONTRACT_RATED = "ContractRated";

    private Rederiver() {
    }

    /**
     * @param records    the contract's history entries; only its ContractRated entries are checked
     * @param frameworks the contract's framework versions by version number, as recorded
     */
    public static Rederivation check(String contractId, List<RatingRecord> records,
                                     Map<Integer, FrameworkVersion> frameworks) {
        List<RatingRecord> rated = records.stream().filter(r -> CONTRACT_RATED.equals(r.type()))
                .sorted(Comparator.comparingLong(RatingRecord::sequence)).toList();
        List<Mismatch> mismatches = rated.stream().map(r -> check(r, frameworks)).flatMap(Optional::stream).toList();
        return new Rederivation(contractId, WorstHeadlineBandPolicy.VERSION, rated.size(), mismatches);
    }

    static Optional<Mismatch> check(RatingRecord record, Map<Integer, FrameworkVersion> frameworks) {
        List<String> reasons = new ArrayList<>();
        if (!WorstHeadlineBandPolicy.VERSION.equals(record.policyVersion())) {
            reasons.add("recorded under policy " + record.policyVersion() + ", recomputed under "
                    + WorstHeadlineBandPolicy.VERSION);
        }
        if (record.basis() != Basis.OFFICER && record.rating() != record.computedRating()) {
            reasons.add("rating " + record.rating() + " is recorded with basis " + record.basis()
                    + " beside the computed rating " + record.computedRating());
        }
        List<Integer> versions = orEmpty(record.frameworkVersions());
        List<KpiEvidence> evidence = orEmpty(record.evidence());
        List<String> missing = orEmpty(record.missingHeadlines());
        Rating recomputed;
        if (versions.isEmpty() && record.computedRating() == Rating.NOT_RATED) {
            // an officer's rating of a period no framework was in force for: nothing was computed from evidence
            recomputed = Rating.NOT_RATED;
            if (!evidence.isEmpty()) {
                reasons.add("evidence of KPI " + codes(evidence) + " is recorded without a framework version");
            }
            if (!missing.isEmpty()) {
                reasons.add("missing headlines " + missing + " are recorded without a framework version");
            }
        } else {
            recomputed = recompute(record, versions, evidence, missing, frameworks, reasons);
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(new Mismatch(record.period(), record.sequence(),
                record.computedRating(), recomputed, reasons));
    }

    /** The computed rating the evidence yields, or null where it cannot be recomputed; adds what differs. */
    private static Rating recompute(RatingRecord record, List<Integer> versions, List<KpiEvidence> evidence,
                                    List<String> missing, Map<Integer, FrameworkVersion> frameworks,
                                    List<String> reasons) {
        YearMonth period;
        try {
            period = YearMonth.parse(record.period());
        } catch (DateTimeParseException | NullPointerException e) {
            reasons.add("period " + record.period() + " is not a month (yyyy-MM)");
            return null;
        }
        Set<Integer> unknown = new TreeSet<>();
        versions.stream().filter(v -> !frameworks.containsKey(v)).forEach(unknown::add);
        evidence.stream().map(KpiEvidence::frameworkVersion).filter(v -> !frameworks.containsKey(v))
                .forEach(unknown::add);
        unknown.forEach(v -> reasons.add("framework version " + v + " is not recorded for the contract"));

        Map<String, KpiInput> inputs = new LinkedHashMap<>();
        boolean unrated = false;
        for (KpiEvidence e : evidence) {
            if (!versions.contains(e.frameworkVersion())) {
                reasons.add("KPI " + e.kpiCode() + " is rated under framework version " + e.frameworkVersion()
                        + ", which is not among the rating's framework versions " + versions);
            }
            Optional<Rating> band = rate(e, frameworks.get(e.frameworkVersion()), reasons);
            if (band.isEmpty()) {
                unrated = true;
                continue;
            }
            if (band.get() != e.band()) {
                reasons.add("KPI " + e.kpiCode() + " = " + plain(e) + " rates " + band.get()
                        + " under framework version " + e.frameworkVersion() + ", recorded " + e.band());
            }
            inputs.put(e.kpiCode(), new KpiInput(e.kpiCode(), e.value(), e.numerator(), e.denominator(), e.source(),
                    e.frameworkVersion(), band.get(), false));
        }

        Optional<FrameworkVersion> inForce = inForce(period,
                versions.stream().map(frameworks::get).filter(Objects::nonNull).toList());
        if (inForce.isEmpty()) {
            if (unknown.isEmpty()) {
                reasons.add("none of the rating's framework versions " + versions + " is in force for " + period);
            }
            return null;
        }
        if (unrated) {
            return null;
        }
        WorstHeadlineBandPolicy.Outcome outcome = WorstHeadlineBandPolicy.rate(inForce.get(), inputs);
        Set<String> counted = outcome.evidence().stream().map(KpiEvidence::kpiCode).collect(Collectors.toSet());
        evidence.stream().map(KpiEvidence::kpiCode).filter(c -> !counted.contains(c)).distinct()
                .forEach(c -> reasons.add("KPI " + c + " is not a headline of framework version "
                        + inForce.get().version() + ", in force for " + period));
        if (!new HashSet<>(outcome.missingHeadlines()).equals(new HashSet<>(missing))) {
            reasons.add("headlines without a value: recorded " + missing + ", recomputed "
                    + outcome.missingHeadlines());
        }
        if (outcome.rating() != record.computedRating()) {
            reasons.add("the evidence rates " + outcome.rating() + ", recorded " + record.computedRating());
        }
        return outcome.rating();
    }

    /** The value's band under its framework version; empty, with the reason, where it cannot be rated. */
    private static Optional<Rating> rate(KpiEvidence e, FrameworkVersion framework, List<String> reasons) {
        if (framework == null) {
            return Optional.empty();
        }
        Optional<KpiSpec> kpi = framework.kpi(e.kpiCode());
        if (kpi.isEmpty()) {
            reasons.add("KPI " + e.kpiCode() + " is not in framework version " + framework.version());
            return Optional.empty();
        }
        if (e.value() == null) {
            reasons.add("KPI " + e.kpiCode() + " has no value");
            return Optional.empty();
        }
        try {
            return Optional.of(BandRating.bandOfFigure(kpi.get().bands(), e.value(), e.numerator(), e.denominator())
                    .rating());
        } catch (IllegalArgumentException ex) {
            reasons.add("KPI " + e.kpiCode() + " = " + plain(e) + " cannot be rated under framework version "
                    + framework.version() + ": " + ex.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<FrameworkVersion> inForce(YearMonth period, List<FrameworkVersion> candidates) {
        return Frameworks.inForce(period, candidates);
    }

    private static String plain(KpiEvidence e) {
        String value = e.value() == null ? "null" : e.value().toPlainString();
        return e.numerator() != null && e.denominator() != null
                ? value + " (" + e.numerator() + "/" + e.denominator() + ")" : value;
    }

    private static String codes(List<KpiEvidence> evidence) {
        return evidence.stream().map(KpiEvidence::kpiCode).collect(Collectors.joining(", "));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
