package org.commissioning.rag.command;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiEvidence;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.Rating;

/** One period of a {@link ContractRating}: its rated inputs, their validation, and its rating. */
final class RatedPeriod {

    static final String RATED_BY_POLICY = "rag-service";
    private static final String PROVIDER = "PROVIDER";

    /** kpi code -> source -> value */
    final Map<String, Map<String, KpiInput>> inputs = new HashMap<>();
    Rating computed;
    Rating decided;
    Basis basis = Basis.COMPUTED;
    String rationale;
    String officer;
    /** KPI codes whose value is not validated (a discrepancy flagged and not resolved) */
    final Set<String> flagged = new HashSet<>();

    /** The value of this KPI from this source the period holds, if any. */
    Optional<KpiInput> input(String kpiCode, String source) {
        return Optional.ofNullable(inputs.getOrDefault(kpiCode, Map.of()).get(source));
    }

    /** The value rated per KPI: the provider's, the council's only where the provider gave none. */
    Map<String, KpiInput> chosen() {
        Map<String, KpiInput> chosen = new LinkedHashMap<>();
        inputs.forEach((code, bySource) -> chosen.put(code, bySource.containsKey(PROVIDER)
                ? bySource.get(PROVIDER) : bySource.values().iterator().next()));
        return chosen;
    }

    boolean officerDecided() {
        return basis == Basis.OFFICER;
    }

    /**
     * The period's rating as it now stands: computed by {@link WorstHeadlineBandPolicy} under the framework in force
     * (NOT_RATED without one), decided by the officer where an officer rated it, provisional while a value it rests
     * on is not validated.
     *
     * @param reason why it is rated again where that is not plain new data, or null
     */
    ContractRatedEvent rating(String contractId, java.time.YearMonth month, Optional<FrameworkVersion> framework,
                              String reason) {
        WorstHeadlineBandPolicy.Outcome outcome = framework
                .map(f -> WorstHeadlineBandPolicy.rate(f, chosen()))
                .orElseGet(() -> new WorstHeadlineBandPolicy.Outcome(Rating.NOT_RATED, List.of(), List.of()));
        boolean officerDecided = officerDecided();
        TreeSet<Integer> versions = new TreeSet<>();
        outcome.evidence().forEach(e -> versions.add(e.frameworkVersion()));
        framework.ifPresent(f -> versions.add(f.version()));
        List<String> notValidated = outcome.evidence().stream().map(KpiEvidence::kpiCode)
                .filter(flagged::contains).toList();
        return new ContractRatedEvent(contractId, month, officerDecided ? decided : outcome.rating(),
                outcome.rating(), basis, !notValidated.isEmpty(), WorstHeadlineBandPolicy.VERSION,
                outcome.evidence(), outcome.missingHeadlines(), versions.stream().toList(),
                officerDecided ? officer : RATED_BY_POLICY, officerDecided ? rationale : null, notValidated, reason);
    }

    /** By value, so the test fixture can compare the state a command built with the state its events source. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RatedPeriod p && inputs.equals(p.inputs) && computed == p.computed
                && decided == p.decided && basis == p.basis && Objects.equals(rationale, p.rationale)
                && Objects.equals(officer, p.officer) && flagged.equals(p.flagged);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputs, computed, decided, basis, rationale, officer, flagged);
    }
}
