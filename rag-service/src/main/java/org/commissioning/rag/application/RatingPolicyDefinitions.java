package org.commissioning.rag.application;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commissioning.rag.api.NoticeRating;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.command.PerformanceNoticePolicy;
import org.commissioning.rag.command.Trajectories;
import org.commissioning.rag.command.WorstHeadlineBandPolicy;

/**
 * The policies rag-service rates and derives notices by, defined in words and as data for an evidence pack
 * ({@code ratings/policies.json}), so that an auditor can apply them with a tool of their own. The data that the code
 * also holds (what a band counts as, which band is worse, a band's notice rating) is read from the code, so the
 * definition cannot drift from what was run.
 */
final class RatingPolicyDefinitions {

    private RatingPolicyDefinitions() {
    }

    static List<Map<String, Object>> all() {
        return List.of(worstHeadlineBand(), performanceNotice(), trajectory());
    }

    private static Map<String, Object> worstHeadlineBand() {
        Map<String, Object> countsAs = new LinkedHashMap<>();
        bands().forEach(b -> countsAs.put(b.name(), b.asContractRating().name()));
        List<String> worstFirst = Arrays.stream(Rating.values()).filter(Rating::decidable)
                .sorted((a, b) -> a.worseThan(b) ? -1 : b.worseThan(a) ? 1 : 0).map(Rating::name).toList();
        Map<String, Object> policy = policy(WorstHeadlineBandPolicy.VERSION, "contract-rating",
                "ratings/ratings.csv computedRating of each row whose policyVersion is this id",
                "A period's computed rating is the worst band among the headline KPIs of the framework "
                + "version in force for the period, STRETCH counting as GREEN. If any headline KPI has no value for "
                + "the period, or no framework version is in force for it, or the version has no headline KPI, the "
                + "rating is NOT_RATED (insufficient data), never a guess. The framework version in force for a "
                + "period is, among the versions recorded before the rating (a lower stream sequence), the one with "
                + "the latest effectiveFrom not after the period; of two effective from the same month, the higher "
                + "version. Each KPI value is rated by the band table of the framework version named with the value "
                + "(evidence.csv frameworkVersion): the one band whose bounds take the value in, each bound "
                + "inclusive or not as the table states it, an empty bound leaving the band open on that side; a "
                + "value given as a fraction (numerator and denominator, denominator not 0) is rated as the "
                + "percentage 100 * numerator / denominator, compared exactly by cross-multiplication, never by a "
                + "rounded quotient. The table's direction says which end is better; the bands state their bounds "
                + "explicitly, so the band of a value does not depend on it. A table that rates a value by no band or "
                + "by more than one is an error, not a band. Per KPI the provider's value is used, the council's "
                + "only where no provider value exists. A rating with basis OFFICER is the officer's judgement (with "
                + "a rationale) and is not derived; its computedRating is. A rating with basis COMPUTED equals its "
                + "computedRating.");
        policy.put("frameworkInForce", Map.of(
                "among", "versions whose sequence (bands.csv) is lower than the rating's sequence",
                "choose", "latest effectiveFrom not after the period",
                "tieBreak", "higher frameworkVersion",
                "none", Rating.NOT_RATED.name()));
        policy.put("kpis", "headline KPIs (bands.csv headline = true) of the framework version in force");
        policy.put("band", Map.of(
                "table", "bands.csv rows of the evidence row's frameworkVersion and kpiCode",
                "figure", "100 * numerator / denominator where both are given and denominator is not 0, else value",
                "lowerBound", "value > lower, or value = lower where lowerInclusive; empty lower: no bound",
                "upperBound", "value < upper, or value = upper where upperInclusive; empty upper: no bound",
                "comparison", "exact (cross-multiplied for a fraction)",
                "bandsTakingTheValue", 1));
        policy.put("countsAs", countsAs);
        policy.put("worstFirst", worstFirst);
        policy.put("combine", "worst");
        policy.put("anyHeadlineMissing", Rating.NOT_RATED.name());
        policy.put("noHeadline", Rating.NOT_RATED.name());
        policy.put("valueChosen", List.of("PROVIDER", "COUNCIL"));
        policy.put("basisOfficer", "rating is the officer's judgement, not derived; computedRating is derived");
        policy.put("basisComputed", "rating = computedRating");
        return policy;
    }

    private static Map<String, Object> performanceNotice() {
        Map<String, Object> mapping = new LinkedHashMap<>();
        Arrays.stream(Rating.values()).forEach(r -> mapping.put(r.name(), r == Rating.RED
                ? List.of(NoticeRating.REQUIRES_IMPROVEMENT.name(), NoticeRating.INADEQUATE.name())
                : List.of(PerformanceNoticePolicy.of(r).name())));
        Map<String, Object> policy = policy(PerformanceNoticePolicy.VERSION, "performance-notice",
                "ratings/performance-notices.json: each notice's kpis[].rating and derivedOverall",
                "A Procurement Act 2023 contract performance notice (s.71) derived from the contract's "
                + "recorded ratings for an assessment year. The KPIs are those of every framework version in force in "
                + "a month of the year; each month's band of a KPI is that of the value rated (the provider's, else "
                + "the council's; the latest correction). A KPI with no rated month is OTHER. Otherwise its rating "
                + "follows its median band over its rated months, the lower (worse) of the two middle bands where the "
                + "count is even: STRETCH or GREEN is GOOD, AMBER is APPROACHING_TARGET; RED is INADEQUATE where at "
                + "least three quarters of the rated months are RED, else REQUIRES_IMPROVEMENT. A month's contract "
                + "rating NOT_RATED maps to OTHER. The overall rating is the worst KPI rating other than OTHER; OTHER "
                + "where every KPI is OTHER. An officer may confirm or amend the derived ratings with a rationale.");
        policy.put("mapping", mapping);
        policy.put("kpiRating", Map.of(
                "band", "median of the rated months' bands, the worse of the two middle ones for an even count",
                "redIsInadequateWhen", "redMonths * 4 >= ratedMonths * 3",
                "noRatedMonth", NoticeRating.OTHER.name()));
        policy.put("overall", "worst KPI rating other than OTHER (GOOD > APPROACHING_TARGET > REQUIRES_IMPROVEMENT > "
                + "INADEQUATE); OTHER where there is none");
        return policy;
    }

    private static Map<String, Object> trajectory() {
        Map<String, Object> policy = policy(Trajectories.METHOD, "trajectory",
                "ratings/trajectories.csv rows with basis COMPUTED (method)",
                "At the latest month whose computed rating is GREEN, AMBER or RED: for each headline KPI "
                + "of the framework in force then, an ordinary least-squares line through its values in the last six "
                + "such months (x = the calendar month), read horizonMonths (default 3) after the latest month, kept "
                + "within the band table's range and rated by the same band table. The projected rating is the worst "
                + "projected "
                + "band (STRETCH counting as GREEN); the trend compares the line's rating at the horizon with its "
                + "rating at the latest month. Fewer than three values of a headline KPI: no assessment. An officer's "
                + "statement (basis OFFICER) is a judgement, not derived.");
        policy.put("windowMonths", Trajectories.WINDOW);
        policy.put("minimumValues", Trajectories.MIN_POINTS);
        policy.put("horizonMonths", Trajectories.HORIZON);
        return policy;
    }

    private static Map<String, Object> policy(String id, String kind, String appliesTo, String rule) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("id", id);
        policy.put("kind", kind);
        policy.put("appliesTo", appliesTo);
        policy.put("rule", rule);
        return policy;
    }

    private static List<Rating> bands() {
        return Arrays.stream(Rating.values()).filter(r -> r != Rating.NOT_RATED).toList();
    }
}
