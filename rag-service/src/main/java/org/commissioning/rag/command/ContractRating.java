package org.commissioning.rag.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.events.kpi.v1.BandRating;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatingEvent;
import org.commissioning.rag.api.FlagKpiDiscrepancyCommand;
import org.commissioning.rag.api.FrameworkRecordedEvent;
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
 * is rated against ({@link Frameworks}), every period's rated KPI values and rating ({@link RatedPeriods}), and the
 * last computed trajectory ({@link ComputedTrajectory}). One aggregate per contract (not per period) because a
 * RagChanged compares a period's rating with the previous rated period's.
 * <p>
 * The contract's overall rating is the rating of its latest rated period, periods rated NOT_RATED aside;
 * RagChanged is recorded whenever rating a period changes it.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("2")
public class ContractRating {

    private static final Logger log = LoggerFactory.getLogger(ContractRating.class);

    @AggregateIdentifier
    private String contractId;
    @AggregateMember
    private final Frameworks frameworks = new Frameworks();
    @AggregateMember
    private final RatedPeriods periods = new RatedPeriods();
    @AggregateMember
    private final ComputedTrajectory trajectory = new ComputedTrajectory();

    protected ContractRating() {
    }

    /** A framework version already recorded is not recorded again (a redelivered event changes nothing). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFrameworkCommand command) {
        if (frameworks.recorded(command.framework().version())) {
            return;
        }
        apply(new FrameworkRecordedEvent(command.contractId(), command.framework()));
    }

    /** A figure the period already holds (a redelivery, or a correction to the same value) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RateKpiValueCommand command) {
        FrameworkVersion framework = frameworks.inForce(command.period()).orElseThrow(() -> new IllegalStateException(
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
        KpiInput current = periods.get(command.period())
                .flatMap(p -> p.input(command.kpiCode(), command.source())).orElse(null);
        if (current != null && current.sameFigure(command.value(), command.numerator(), command.denominator())) {
            return;
        }
        Rating band = BandRating.bandOfFigure(kpi.bands(), command.value(), command.numerator(),
                command.denominator()).rating();
        Rating overallBefore = periods.overall();
        apply(new KpiRatedEvent(command.contractId(), command.period(), command.kpiCode(), command.value(),
                command.numerator(), command.denominator(), command.source(), framework.version(), band,
                command.reportedBand(), kpi.headline(), command.correction()));
        rate(command.period(), overallBefore, RatingReasons.corrected(command, current));
    }

    /** A discrepancy already noted is not noted again; a period already rated is rated again, provisionally. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FlagKpiDiscrepancyCommand command) {
        if (periods.get(command.period()).filter(p -> p.flagged.contains(command.kpiCode())).isPresent()) {
            return;
        }
        Rating overallBefore = periods.overall();
        apply(new KpiDiscrepancyNotedEvent(command.contractId(), command.period(), command.kpiCode(),
                command.providerValue(), command.councilValue()));
        if (periods.get(command.period()).orElseThrow().computed != null) {
            rate(command.period(), overallBefore, RatingReasons.notValidated(command));
        }
    }

    /** A resolution of a discrepancy not noted changes nothing; a period already rated is rated again, firmly. */
    @CommandHandler
    public void handle(ResolveKpiDiscrepancyCommand command) {
        RatedPeriod period = periods.get(command.period()).orElse(null);
        if (period == null || !period.flagged.contains(command.kpiCode())) {
            return;
        }
        Rating overallBefore = periods.overall();
        apply(new KpiDiscrepancyClearedEvent(contractId, command.period(), command.kpiCode(), command.note(),
                command.resolvedBy()));
        if (period.computed != null) {
            rate(command.period(), overallBefore, RatingReasons.validated(command));
        }
    }

    @CommandHandler
    public void handle(RecordTrajectoryStatementCommand command, Clock clock) {
        OfficerJudgement.requireValid(command, clock);
        Rating current = periods.overall();
        if (current == null) {
            throw OfficerJudgement.notRatedYet(contractId);
        }
        apply(new TrajectoryAssessedEvent(contractId, periods.latestDecided(), command.horizonMonths(), current,
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
        OfficerJudgement.requireValid(command, clock);
        RatedPeriod period = periods.get(command.period()).orElse(null);
        Rating computed = period == null || period.computed == null ? Rating.NOT_RATED : period.computed;
        Rating previous = period == null ? null : period.decided;
        Rating overallBefore = periods.overall();
        apply(new RagOverriddenEvent(command.contractId(), command.period(), computed, command.rating(), previous,
                command.rationale().strip(), command.officer(), WorstHeadlineBandPolicy.VERSION));
        rate(command.period(), overallBefore, null);
    }

    /**
     * Re-computes the period (its inputs, their validation or its decision changed) and records the outcome, then
     * the change of the overall rating and of the computed trajectory, if any.
     *
     * @param reason why it is rated again where that is not plain new data, or null
     */
    private void rate(YearMonth month, Rating overallBefore, String reason) {
        RatedPeriod period = periods.get(month).orElseThrow();
        apply(period.rating(contractId, month, frameworks.inForce(month), reason));
        Rating overallAfter = periods.overall();
        if (overallAfter != null && overallAfter != overallBefore) {
            apply(new RagChangedEvent(contractId, overallBefore, overallAfter, month, period.basis,
                    period.officerDecided() ? period.rationale : null));
        }
        trajectory.assess(contractId, periods, frameworks).ifPresent(AggregateLifecycle::apply);
    }

    /** Every event names the contract; the first one of a stream (whichever it is) sets the identifier. */
    @EventSourcingHandler
    void on(ContractRatingEvent event) {
        this.contractId = event.contractId();
    }
}
