package org.commissioning.rag.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.OverrideRatingCommand;
import org.commissioning.rag.api.RagChangedEvent;
import org.commissioning.rag.api.RagOverriddenEvent;
import org.commissioning.rag.api.RateKpiValueCommand;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RecordFrameworkCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ratings of one contract, keyed by the contract id: the framework versions (band tables, headline flags) it
 * is rated against, every period's rated KPI values, and every period's contract rating. One aggregate per contract
 * (not per period) because a RagChanged compares a period's rating with the previous rated period's.
 * <p>
 * The contract's overall rating is the rating of its latest rated period, periods rated NOT_RATED aside;
 * RagChanged is recorded whenever rating a period changes it.
 */
@Aggregate
public class ContractRating {

    static final String RATED_BY_POLICY = "rag-service";
    private static final String PROVIDER = "PROVIDER";
    private static final Logger log = LoggerFactory.getLogger(ContractRating.class);

    @AggregateIdentifier
    private String contractId;
    private final TreeMap<Integer, FrameworkVersion> frameworks = new TreeMap<>();
    private final TreeMap<YearMonth, Period> periods = new TreeMap<>();

    /** A period's inputs and rating. */
    private static final class Period {
        /** kpi code -> source -> value */
        final Map<String, Map<String, KpiInput>> inputs = new HashMap<>();
        Rating computed;
        Rating decided;
        Basis basis = Basis.COMPUTED;
        String rationale;
        String officer;

        /** By value, so the test fixture can compare the state a command built with the state its events source. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Period p && inputs.equals(p.inputs) && computed == p.computed
                    && decided == p.decided && basis == p.basis && Objects.equals(rationale, p.rationale)
                    && Objects.equals(officer, p.officer);
        }

        @Override
        public int hashCode() {
            return Objects.hash(inputs, computed, decided, basis, rationale, officer);
        }
    }

    protected ContractRating() {
    }

    /** A framework version already recorded is not recorded again (a redelivered event changes nothing). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFrameworkCommand command) {
        if (frameworks.containsKey(command.framework().version())) {
            return;
        }
        apply(new FrameworkRecordedEvent(command.contractId(), command.framework()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RateKpiValueCommand command) {
        FrameworkVersion framework = inForce(command.period()).orElseThrow(() -> new IllegalStateException(
                "No KPI framework of contract " + command.contractId() + " is in force for " + command.period()
                        + "; the framework's events must come first"));
        if (framework.version() != command.reportedFrameworkVersion()) {
            log.warn("Contract {} {} {}: kpi-service submitted it under framework version {}, version {} is in force "
                            + "for the period here; rated against version {}", command.contractId(), command.period(),
                    command.kpiCode(), command.reportedFrameworkVersion(), framework.version(), framework.version());
        }
        KpiSpec kpi = framework.kpi(command.kpiCode()).orElseThrow(() -> new IllegalStateException(
                "KPI " + command.kpiCode() + " is not in framework version " + framework.version() + " of contract "
                        + command.contractId()));
        Period period = periods.get(command.period());
        KpiInput current = period == null ? null
                : period.inputs.getOrDefault(command.kpiCode(), Map.of()).get(command.source());
        if (current != null && current.sameFigure(command.value(), command.numerator(), command.denominator())) {
            return; // the same figure again (a redelivery, or a correction to the same value): nothing changes
        }
        Rating band = BandRater.rate(kpi.bands(), command.value(), command.numerator(), command.denominator());
        if (command.reportedBand() != null && !band.name().equals(command.reportedBand())) {
            log.warn("Contract {} {} {} = {}: kpi-service rated it {}, the published band table (version {}) rates it "
                            + "{}; the latter is recorded", command.contractId(), command.period(), command.kpiCode(),
                    command.value(), command.reportedBand(), framework.version(), band);
        }
        Rating overallBefore = overall();
        apply(new KpiRatedEvent(command.contractId(), command.period(), command.kpiCode(), command.value(),
                command.numerator(), command.denominator(), command.source(), framework.version(), band,
                command.reportedBand(), kpi.headline(), command.correction()));
        rate(command.period(), framework, overallBefore);
    }

    @CommandHandler
    public void handle(OverrideRatingCommand command) {
        if (command.rating() == null || !command.rating().decidable()) {
            throw new RuleViolationException("decidable-rating", "rating",
                    "An officer decides GREEN, AMBER or RED; got " + command.rating());
        }
        if (command.rationale() == null || command.rationale().isBlank()) {
            throw new RuleViolationException("rationale-required", "rationale",
                    "Setting a rating by officer judgement needs a written rationale");
        }
        Period period = periods.get(command.period());
        if (period == null || period.computed == null) {
            throw new StateConflictException("NOT_RATED_YET", "Contract " + contractId + " has no rating for "
                    + command.period() + " yet; a period is overridden once its KPI values have been rated");
        }
        FrameworkVersion framework = inForce(command.period()).orElseThrow();
        String rationale = command.rationale().strip();
        Rating overallBefore = overall();
        apply(new RagOverriddenEvent(contractId, command.period(), period.computed, command.rating(), period.decided,
                rationale, command.officer(), WorstHeadlineBandPolicy.VERSION));
        rate(command.period(), framework, overallBefore);
    }

    /** Re-computes the period (its inputs or its decision changed) and records the outcome. */
    private void rate(YearMonth month, FrameworkVersion framework, Rating overallBefore) {
        Period period = periods.get(month);
        Map<String, KpiInput> chosen = new LinkedHashMap<>();
        period.inputs.forEach((code, bySource) -> chosen.put(code, bySource.containsKey(PROVIDER)
                ? bySource.get(PROVIDER) : bySource.values().iterator().next()));
        WorstHeadlineBandPolicy.Outcome outcome = WorstHeadlineBandPolicy.rate(framework, chosen);
        boolean officer = period.basis == Basis.OFFICER;
        Rating rating = officer ? period.decided : outcome.rating();
        TreeSet<Integer> versions = new TreeSet<>();
        outcome.evidence().forEach(e -> versions.add(e.frameworkVersion()));
        versions.add(framework.version());
        apply(new ContractRatedEvent(contractId, month, rating, outcome.rating(), period.basis, false,
                WorstHeadlineBandPolicy.VERSION, outcome.evidence(), outcome.missingHeadlines(),
                versions.stream().toList(), officer ? period.officer : RATED_BY_POLICY,
                officer ? period.rationale : null));
        Rating overallAfter = overall();
        if (overallAfter != null && overallAfter != overallBefore) {
            apply(new RagChangedEvent(contractId, overallBefore, overallAfter, month, period.basis,
                    officer ? period.rationale : null));
        }
    }

    /** The rating of the latest rated period, NOT_RATED periods aside; null before the first. */
    private Rating overall() {
        for (Entry<YearMonth, Period> e : periods.descendingMap().entrySet()) {
            Rating decided = e.getValue().decided;
            if (decided != null && decided != Rating.NOT_RATED) {
                return decided;
            }
        }
        return null;
    }

    private Optional<FrameworkVersion> inForce(YearMonth period) {
        return frameworks.values().stream()
                .filter(f -> !f.effectiveFrom().isAfter(period))
                .reduce((a, b) -> b.effectiveFrom().isAfter(a.effectiveFrom()) ? b : a);
    }

    @EventSourcingHandler
    void on(FrameworkRecordedEvent event) {
        this.contractId = event.contractId();
        frameworks.put(event.framework().version(), event.framework());
    }

    @EventSourcingHandler
    void on(KpiRatedEvent event) {
        this.contractId = event.contractId();
        periods.computeIfAbsent(event.period(), p -> new Period()).inputs
                .computeIfAbsent(event.kpiCode(), c -> new HashMap<>())
                .put(event.source(), new KpiInput(event.kpiCode(), event.value(), event.numerator(),
                        event.denominator(), event.source(), event.frameworkVersion(), event.band(),
                        event.correction()));
    }

    @EventSourcingHandler
    void on(ContractRatedEvent event) {
        Period period = periods.computeIfAbsent(event.period(), p -> new Period());
        period.computed = event.computedRating();
        period.decided = event.rating();
    }

    @EventSourcingHandler
    void on(RagOverriddenEvent event) {
        Period period = periods.computeIfAbsent(event.period(), p -> new Period());
        period.basis = Basis.OFFICER;
        period.decided = event.rating();
        period.rationale = event.rationale();
        period.officer = event.officer();
    }
}
