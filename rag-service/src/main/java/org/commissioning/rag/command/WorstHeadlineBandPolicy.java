package org.commissioning.rag.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.Rating;

/**
 * Rating policy {@value #VERSION}: a period's contract rating is the worst band among the headline KPIs of the
 * framework version in force for the period, STRETCH counting as GREEN. If any headline KPI has no value for the
 * period the rating is NOT_RATED (insufficient data), never a guess. Pure.
 * <p>
 * A new rule (e.g. weighting, qualitative information) is a new version with a new name, so every recorded rating
 * keeps naming the policy that computed it.
 */
public final class WorstHeadlineBandPolicy {

    public static final String VERSION = "worst-headline-band.v1";

    private WorstHeadlineBandPolicy() {
    }

    /** The outcome: the rating, the headline values it rests on and the headline KPIs without a value. */
    public record Outcome(Rating rating, List<KpiEvidence> evidence, List<String> missingHeadlines) {
    }

    /**
     * @param framework the framework version in force for the period
     * @param inputs    the period's values by KPI code (one per KPI: the value chosen for rating)
     */
    public static Outcome rate(FrameworkVersion framework, Map<String, KpiInput> inputs) {
        List<KpiEvidence> evidence = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Rating worst = null;
        for (KpiSpec headline : framework.headlines()) {
            KpiInput input = inputs.get(headline.code());
            if (input == null) {
                missing.add(headline.code());
                continue;
            }
            evidence.add(new KpiEvidence(headline.code(), headline.name(), input.value(), input.numerator(),
                    input.denominator(), input.source(), input.band(), input.frameworkVersion()));
            Rating counted = input.band().asContractRating();
            if (worst == null || counted.worseThan(worst)) {
                worst = counted;
            }
        }
        Rating rating = !missing.isEmpty() || worst == null ? Rating.NOT_RATED : worst;
        return new Outcome(rating, evidence, missing);
    }
}
