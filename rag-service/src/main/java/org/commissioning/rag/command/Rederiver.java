package org.commissioning.rag.command;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RatingRecord;
import org.commissioning.rag.api.Rederivation;
import org.commissioning.rag.api.Rederivation.Mismatch;

/**
 * Recomputes recorded ratings from their recorded evidence with the current {@link BandRater} and
 * {@link WorstHeadlineBandPolicy}. Pure. For each recorded ContractRated: every evidence value is rated again
 * against the band table of the framework version recorded with it; the policy is applied to those values under the
 * framework version that was in force for the period among the versions recorded with the rating. A different band,
 * rating, set of missing headlines or policy version is a mismatch.
 */
public final class Rederiver {

    private Rederiver() {
    }

    /**
     * @param records    the contract's history entries (only ContractRated entries are checked)
     * @param frameworks the contract's framework versions by version number
     */
    public static Rederivation check(String contractId, List<RatingRecord> records,
                                     Map<Integer, FrameworkVersion> frameworks) {
        List<Mismatch> mismatches = new ArrayList<>();
        int checked = 0;
        for (RatingRecord r : records.stream().filter(r -> "ContractRated".equals(r.type()))
                .sorted(Comparator.comparingLong(RatingRecord::sequence)).toList()) {
            checked++;
            check(r, frameworks).ifPresent(mismatches::add);
        }
        return new Rederivation(contractId, WorstHeadlineBandPolicy.VERSION, checked, mismatches);
    }

    static Optional<Mismatch> check(RatingRecord r, Map<Integer, FrameworkVersion> frameworks) {
        List<String> reasons = new ArrayList<>();
        if (!WorstHeadlineBandPolicy.VERSION.equals(r.policyVersion())) {
            reasons.add("recorded under policy " + r.policyVersion() + ", the current policy is "
                    + WorstHeadlineBandPolicy.VERSION);
        }
        YearMonth period = YearMonth.parse(r.period());
        List<Integer> versions = r.frameworkVersions() == null ? List.of() : r.frameworkVersions();
        Optional<FrameworkVersion> inForce = versions.stream().map(frameworks::get).filter(Objects::nonNull)
                .filter(f -> !f.effectiveFrom().isAfter(period))
                .max(Comparator.comparing(FrameworkVersion::effectiveFrom).thenComparing(FrameworkVersion::version));
        if (inForce.isEmpty()) {
            reasons.add("none of the recorded framework versions " + versions + " is known for " + period);
            return Optional.of(new Mismatch(r.period(), r.sequence(), r.computedRating(), null, reasons));
        }
        Map<String, KpiInput> inputs = new LinkedHashMap<>();
        List<KpiEvidence> evidence = r.evidence() == null ? List.of() : r.evidence();
        for (KpiEvidence e : evidence) {
            FrameworkVersion framework = frameworks.get(e.frameworkVersion());
            Optional<KpiSpec> kpi = framework == null ? Optional.empty() : framework.kpi(e.kpiCode());
            if (kpi.isEmpty()) {
                reasons.add("KPI " + e.kpiCode() + " has no band table in framework version " + e.frameworkVersion());
                return Optional.of(new Mismatch(r.period(), r.sequence(), r.computedRating(), null, reasons));
            }
            Rating band;
            try {
                band = BandRater.rate(kpi.get().bands(), e.value(), e.numerator(), e.denominator());
            } catch (IllegalArgumentException ex) {
                reasons.add("KPI " + e.kpiCode() + " = " + e.value() + " cannot be rated: " + ex.getMessage());
                return Optional.of(new Mismatch(r.period(), r.sequence(), r.computedRating(), null, reasons));
            }
            if (band != e.band()) {
                reasons.add("KPI " + e.kpiCode() + " = " + plain(e) + " rates " + band + " under framework version "
                        + e.frameworkVersion() + ", recorded " + e.band());
            }
            inputs.put(e.kpiCode(), new KpiInput(e.kpiCode(), e.value(), e.numerator(), e.denominator(), e.source(),
                    e.frameworkVersion(), band, false));
        }
        WorstHeadlineBandPolicy.Outcome outcome = WorstHeadlineBandPolicy.rate(inForce.get(), inputs);
        List<String> missing = r.missingHeadlines() == null ? List.of() : r.missingHeadlines();
        if (!new java.util.HashSet<>(outcome.missingHeadlines()).equals(new java.util.HashSet<>(missing))) {
            reasons.add("headlines without a value: recorded " + missing + ", recomputed "
                    + outcome.missingHeadlines());
        }
        if (outcome.rating() != r.computedRating()) {
            reasons.add("the evidence rates " + outcome.rating() + ", recorded " + r.computedRating());
        }
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of(new Mismatch(r.period(), r.sequence(), r.computedRating(), outcome.rating(), reasons));
    }

    private static String plain(KpiEvidence e) {
        String value = e.value() == null ? "null" : e.value().toPlainString();
        return e.numerator() != null && e.denominator() != null
                ? value + " (" + e.numerator() + "/" + e.denominator() + ")" : value;
    }
}
