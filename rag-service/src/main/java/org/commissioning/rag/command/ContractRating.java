package org.commissioning.rag.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.events.kpi.v1.BandRating;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.ContractTerm;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FlagKpiDiscrepancyCommand;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiDiscrepancyClearedEvent;
import org.commissioning.rag.api.KpiDiscrepancyNotedEvent;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.OverrideRatingCommand;
import org.commissioning.rag.api.RagChangedEvent;
import org.commissioning.rag.api.RagOverriddenEvent;
import org.commissioning.rag.api.RateKpiValueCommand;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.RecordFrameworkCommand;
import org.commissioning.rag.api.RecordTrajectoryStatementCommand;
import org.commissioning.rag.api.ResolveKpiDiscrepancyCommand;
import org.commissioning.rag.api.TrajectoryAssessedEvent;
import org.commissioning.rag.api.Trend;
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
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("1")
public class ContractRating {

    static final String RATED_BY_POLICY = "rag-service";
    private static final String PROVIDER = "PROVIDER";
    private static final Logger log = LoggerFactory.getLogger(ContractRating.class);

    @AggregateIdentifier
    private String contractId;
    private final TreeMap<Integer, FrameworkVersion> frameworks = new TreeMap<>();
    private final TreeMap<YearMonth, Period> periods = new TreeMap<>();
    private TrajectoryAssessedEvent lastComputedTrajectory;

    /** A period's inputs and rating. */
    private static final class Period {
        /** kpi code -> source -> value */
        final Map<String, Map<String, KpiInput>> inputs = new HashMap<>();
        Rating computed;
        Rating decided;
        Basis basis = Basis.COMPUTED;
        String rationale;
        String officer;
        /** KPI codes whose value is not validated (a discrepancy flagged and not resolved) */
        final Set<String> flagged = new HashSet<>();

        /** By value, so the test fixture can compare the state a command built with the state its events source. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Period p && inputs.equals(p.inputs) && computed == p.computed
                    && decided == p.decided && basis == p.basis && Objects.equals(rationale, p.rationale)
                    && Objects.equals(officer, p.officer) && flagged.equals(p.flagged);
        }

        @Override
        public int hashCode() {
            return Objects.hash(inputs, computed, decided, basis, rationale, officer, flagged);
        }

        /** The value rated per KPI: the provider's, the council's only where the provider gave none. */
        Map<String, KpiInput> chosen() {
            Map<String, KpiInput> chosen = new LinkedHashMap<>();
            inputs.forEach((code, bySource) -> chosen.put(code, bySource.containsKey(PROVIDER)
                    ? bySource.get(PROVIDER) : bySource.values().iterator().next()));
            return chosen;
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
        Rating band = BandRating.bandOfFigure(kpi.bands(), command.value(), command.numerator(),
                command.denominator()).rating();
        String reason = command.correction()
                ? "re-rated after KPI " + command.kpiCode() + " (" + command.source() + ") was corrected "
                + (current == null ? "" : "from " + current.value().toPlainString() + " ") + "to "
                + command.value().toPlainString()
                : null;
        Rating overallBefore = overall();
        apply(new KpiRatedEvent(command.contractId(), command.period(), command.kpiCode(), command.value(),
                command.numerator(), command.denominator(), command.source(), framework.version(), band,
                command.reportedBand(), kpi.headline(), command.correction()));
        rate(command.period(), overallBefore, reason);
    }

    /** A discrepancy already noted is not noted again; a period already rated is rated again, provisionally. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FlagKpiDiscrepancyCommand command) {
        Period period = periods.get(command.period());
        if (period != null && period.flagged.contains(command.kpiCode())) {
            return;
        }
        Rating overallBefore = overall();
        apply(new KpiDiscrepancyNotedEvent(command.contractId(), command.period(), command.kpiCode(),
                command.providerValue(), command.councilValue()));
        if (periods.get(command.period()).computed != null) {
            rate(command.period(), overallBefore, "KPI " + command.kpiCode() + " is not validated: provider "
                    + plain(command.providerValue()) + ", council " + plain(command.councilValue())
                    + " differ beyond tolerance");
        }
    }

    @CommandHandler
    public void handle(ResolveKpiDiscrepancyCommand command) {
        Period period = periods.get(command.period());
        if (period == null || !period.flagged.contains(command.kpiCode())) {
            return;
        }
        Rating overallBefore = overall();
        apply(new KpiDiscrepancyClearedEvent(contractId, command.period(), command.kpiCode(), command.note(),
                command.resolvedBy()));
        if (period.computed != null) {
            rate(command.period(), overallBefore, "KPI " + command.kpiCode() + " validated: discrepancy resolved by "
                    + command.resolvedBy() + (command.note() == null ? "" : " (" + command.note() + ")"));
        }
    }

    @CommandHandler
    public void handle(RecordTrajectoryStatementCommand command, Clock clock) {
        if (command.projectedRating() == null || !command.projectedRating().decidable()) {
            throw new RuleViolationException("decidable-rating", "projectedRating",
                    "A trajectory heads for GREEN, AMBER or RED; got " + command.projectedRating());
        }
        if (command.statement() == null || command.statement().isBlank()) {
            throw new RuleViolationException("statement-required", "statement",
                    "A trajectory statement needs its words, e.g. \"on trajectory for green in the next three months\"");
        }
        if (command.statement().length() > RecordTrajectoryStatementCommand.MAX_STATEMENT) {
            throw new RuleViolationException("statement-length", "statement", "A trajectory statement is at most "
                    + RecordTrajectoryStatementCommand.MAX_STATEMENT + " characters; got "
                    + command.statement().length());
        }
        if (command.horizonMonths() < 1 || command.horizonMonths() > RecordTrajectoryStatementCommand.MAX_HORIZON_MONTHS) {
            throw new RuleViolationException("horizon-months", "horizonMonths",
                    "A trajectory looks 1 to 12 months ahead; got " + command.horizonMonths());
        }
        YearMonth now = YearMonth.now(clock);
        ContractTerm term = command.term() == null ? ContractTerm.UNKNOWN : command.term();
        if (!term.covers(now)) {
            throw new RuleViolationException("period-within-term", null, "A trajectory is stated now, in " + now
                    + ", which is outside the contract's term " + term);
        }
        Rating current = overall();
        if (current == null) {
            throw new StateConflictException("rated-before-trajectory", "NOT_RATED_YET", "Contract " + contractId
                    + " has no rating yet; a trajectory is stated from a rating");
        }
        apply(new TrajectoryAssessedEvent(contractId, latestDecidedPeriod(), command.horizonMonths(), current,
                command.projectedRating(), Trend.of(current, command.projectedRating()), Basis.OFFICER, null,
                List.of(), command.statement().strip(), command.officer()));
    }

    /**
     * An officer's judgement stands for the period; a period without KPI values (or without a framework) can be
     * rated this way too, its computed rating being NOT_RATED.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OverrideRatingCommand command, Clock clock) {
        if (command.rating() == null || !command.rating().decidable()) {
            throw new RuleViolationException("decidable-rating", "rating",
                    "An officer decides GREEN, AMBER or RED; got " + command.rating());
        }
        if (command.rationale() == null || command.rationale().isBlank()) {
            throw new RuleViolationException("rationale-required", "rationale",
                    "Setting a rating by officer judgement needs a written rationale");
        }
        if (command.rationale().length() > OverrideRatingCommand.MAX_RATIONALE) {
            throw new RuleViolationException("rationale-length", "rationale", "A rationale is at most "
                    + OverrideRatingCommand.MAX_RATIONALE + " characters; got " + command.rationale().length());
        }
        requireRatablePeriod(command.period(), command.term(), clock);
        Period period = periods.get(command.period());
        Rating computed = period == null || period.computed == null ? Rating.NOT_RATED : period.computed;
        Rating previous = period == null ? null : period.decided;
        String rationale = command.rationale().strip();
        Rating overallBefore = overall();
        apply(new RagOverriddenEvent(command.contractId(), command.period(), computed, command.rating(), previous,
                rationale, command.officer(), WorstHeadlineBandPolicy.VERSION));
        rate(command.period(), overallBefore, null);
    }

    /**
     * An officer rates a month that has begun (not after the current month in the council's zone) and lies within
     * the contract's term as known here; an unknown side of the term does not bound it.
     */
    private static void requireRatablePeriod(YearMonth period, ContractTerm known, Clock clock) {
        if (period == null) {
            throw new RuleViolationException("period-required", "period", "A rating is for a period, yyyy-MM");
        }
        YearMonth current = YearMonth.now(clock);
        if (period.isAfter(current)) {
            throw new RuleViolationException("period-not-in-future", "period",
                    period + " is after the current month " + current + "; a period is rated once it has begun");
        }
        ContractTerm term = known == null ? ContractTerm.UNKNOWN : known;
        if (!term.covers(period)) {
            throw new RuleViolationException("period-within-term", "period",
                    period + " is outside the contract's term " + term);
        }
    }

    /**
     * Re-computes the period (its inputs, their validation or its decision changed) and records the outcome, then
     * the change of the overall rating and of the computed trajectory, if any.
     *
     * @param reason why it is rated again where that is not plain new data, or null
     */
    private void rate(YearMonth month, Rating overallBefore, String reason) {
        Period period = periods.get(month);
        Optional<FrameworkVersion> framework = inForce(month);
        WorstHeadlineBandPolicy.Outcome outcome = framework
                .map(f -> WorstHeadlineBandPolicy.rate(f, period.chosen()))
                .orElseGet(() -> new WorstHeadlineBandPolicy.Outcome(Rating.NOT_RATED, List.of(), List.of()));
        boolean officer = period.basis == Basis.OFFICER;
        Rating rating = officer ? period.decided : outcome.rating();
        TreeSet<Integer> versions = new TreeSet<>();
        outcome.evidence().forEach(e -> versions.add(e.frameworkVersion()));
        framework.ifPresent(f -> versions.add(f.version()));
        List<String> notValidated = outcome.evidence().stream().map(e -> e.kpiCode())
                .filter(period.flagged::contains).toList();
        apply(new ContractRatedEvent(contractId, month, rating, outcome.rating(), period.basis,
                !notValidated.isEmpty(), WorstHeadlineBandPolicy.VERSION, outcome.evidence(),
                outcome.missingHeadlines(), versions.stream().toList(), officer ? period.officer : RATED_BY_POLICY,
                officer ? period.rationale : null, notValidated, reason));
        Rating overallAfter = overall();
        if (overallAfter != null && overallAfter != overallBefore) {
            apply(new RagChangedEvent(contractId, overallBefore, overallAfter, month, period.basis,
                    officer ? period.rationale : null));
        }
        assessTrajectory();
    }

    /** Records the computed trajectory at the latest rated month when it differs from the last one recorded. */
    private void assessTrajectory() {
        NavigableMap<YearMonth, Map<String, KpiInput>> rated = new TreeMap<>();
        periods.forEach((month, p) -> {
            if (p.computed != null && p.computed.decidable()) {
                rated.put(month, p.chosen());
            }
        });
        if (rated.isEmpty()) {
            return;
        }
        YearMonth latest = rated.lastKey();
        inForce(latest).flatMap(f -> Trajectories.assess(f, rated, periods.get(latest).computed)).ifPresent(a -> {
            TrajectoryAssessedEvent assessed = new TrajectoryAssessedEvent(contractId, a.period(),
                    Trajectories.HORIZON, a.currentRating(), a.projectedRating(), a.trend(), Basis.COMPUTED,
                    Trajectories.METHOD, a.projections(), null, RATED_BY_POLICY);
            if (!assessed.equals(lastComputedTrajectory)) {
                apply(assessed);
            }
        });
    }

    private YearMonth latestDecidedPeriod() {
        return periods.descendingMap().entrySet().stream()
                .filter(e -> e.getValue().decided != null && e.getValue().decided.decidable())
                .map(Entry::getKey).findFirst().orElseThrow();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
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
        return inForce(period, frameworks.values());
    }

    /**
     * The framework version in force for a period: the latest effectiveFrom not after it; of two versions effective
     * from the same month, the higher (a revision supersedes the version it revises).
     */
    static Optional<FrameworkVersion> inForce(YearMonth period, java.util.Collection<FrameworkVersion> versions) {
        return versions.stream()
                .filter(f -> !f.effectiveFrom().isAfter(period))
                .max(java.util.Comparator.comparing(FrameworkVersion::effectiveFrom)
                        .thenComparingInt(FrameworkVersion::version));
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
    void on(KpiDiscrepancyNotedEvent event) {
        this.contractId = event.contractId();
        periods.computeIfAbsent(event.period(), p -> new Period()).flagged.add(event.kpiCode());
    }

    @EventSourcingHandler
    void on(KpiDiscrepancyClearedEvent event) {
        periods.computeIfAbsent(event.period(), p -> new Period()).flagged.remove(event.kpiCode());
    }

    @EventSourcingHandler
    void on(TrajectoryAssessedEvent event) {
        if (event.basis() == Basis.COMPUTED) {
            lastComputedTrajectory = event;
        }
    }

    @EventSourcingHandler
    void on(RagOverriddenEvent event) {
        this.contractId = event.contractId();
        Period period = periods.computeIfAbsent(event.period(), p -> new Period());
        period.basis = Basis.OFFICER;
        period.decided = event.rating();
        period.rationale = event.rationale();
        period.officer = event.officer();
    }
}
