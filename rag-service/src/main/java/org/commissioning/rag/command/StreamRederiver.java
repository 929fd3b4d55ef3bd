package org.commissioning.rag.command;

import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.commissioning.events.kpi.v1.BandRating;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.Differences;
import org.commissioning.rag.api.FlagKpiDiscrepancyCommand;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiDiscrepancyClearedEvent;
import org.commissioning.rag.api.KpiDiscrepancyNotedEvent;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.RagChangedEvent;
import org.commissioning.rag.api.RagOverriddenEvent;
import org.commissioning.rag.api.RateKpiValueCommand;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.Rederivation.Underivable;
import org.commissioning.rag.api.ResolveKpiDiscrepancyCommand;
import org.commissioning.rag.api.TrajectoryAssessedEvent;
import org.commissioning.rag.api.Trend;

/**
 * Replays a contract's stored rating stream and takes every rating decision of {@link ContractRating} again, with
 * the aggregate's own members ({@link Frameworks}, {@link RatedPeriods}, {@link ComputedTrajectory}),
 * {@link BandRating} and {@link WorstHeadlineBandPolicy}. Pure.
 * <p>
 * The evidence is what nothing in the service computed: framework versions, KPI values (their figure, source,
 * reported band, correction flag), discrepancies noted and cleared, an officer's rating with its rationale and an
 * officer's trajectory statement. Everything else follows from it and is checked: a KpiRated's framework version,
 * band and headline flag; a RagOverridden's computed and previous rating; every ContractRated, RagChanged and
 * computed TrajectoryAssessed the aggregate records after a fact, at the sequence numbers that follow the fact's;
 * an officer statement's period, current rating and trend. The replay goes on from what follows, not from what is
 * recorded, so a forged event is reported where it is and not again in every event after it.
 */
public final class StreamRederiver {

    /**
     * One stored event of the stream.
     *
     * @param type       the event type without the {@code Event} suffix, e.g. ContractRated
     * @param payload    the event, or null where it could not be read
     * @param unreadable why it could not be read, else null
     */
    public record Stored(long sequence, String type, Object payload, String unreadable) {
    }

    private final String stream;
    private final Frameworks frameworks = new Frameworks();
    private final RatedPeriods periods = new RatedPeriods();
    private final ComputedTrajectory trajectory = new ComputedTrajectory();
    private final List<Underivable> found = new ArrayList<>();
    /** The events the last fact is followed by, at the sequence numbers after the fact's. */
    private final Deque<Object> expected = new ArrayDeque<>();
    private long next;

    private StreamRederiver(String stream) {
        this.stream = stream;
    }

    /** Every stored event or field of {@code events} (in sequence order) that does not follow from its evidence. */
    public static List<Underivable> check(String contractId, List<Stored> events) {
        StreamRederiver replay = new StreamRederiver(contractId);
        events.forEach(replay::replay);
        replay.expectNothingMore();
        return List.copyOf(replay.found);
    }

    private void replay(Stored stored) {
        long sequence = stored.sequence();
        while (next < sequence) {
            Object missing = expected.poll();
            report(next++, missing == null ? null : type(missing), period(missing), null, null,
                    missing == null ? "an event: none is stored at this sequence" : missing);
        }
        Object event = stored.payload();
        if (event == null) {
            report(sequence, stored.type(), null, "payload", stored.unreadable(), null);
            expected.poll();
        } else if (isFollowing(event)) {
            Object follows = expected.poll();
            if (follows == null) {
                report(sequence, stored.type(), period(event), null, event, null);
            } else {
                compare(stored, follows);
            }
        } else {
            expectNothingMore();
            fact(stored, event);
        }
        next = sequence + 1;
    }

    /** Whether the aggregate records this event after a fact rather than as one. */
    private static boolean isFollowing(Object event) {
        return event instanceof ContractRatedEvent || event instanceof RagChangedEvent
                || event instanceof TrajectoryAssessedEvent t && t.basis() == Basis.COMPUTED;
    }

    private void fact(Stored stored, Object event) {
        if (event instanceof FrameworkRecordedEvent e) {
            frameworks.on(new FrameworkRecordedEvent(stream, e.framework()));
        } else if (event instanceof KpiRatedEvent e) {
            kpiRated(stored, e);
        } else if (event instanceof KpiDiscrepancyNotedEvent e) {
            Rating overallBefore = periods.overall();
            periods.on(new KpiDiscrepancyNotedEvent(stream, e.period(), e.kpiCode(), e.providerValue(),
                    e.councilValue()));
            rateIfRated(e.period(), overallBefore, RatingReasons.notValidated(new FlagKpiDiscrepancyCommand(
                    stream, e.period(), e.kpiCode(), e.providerValue(), e.councilValue())));
        } else if (event instanceof KpiDiscrepancyClearedEvent e) {
            Rating overallBefore = periods.overall();
            periods.on(new KpiDiscrepancyClearedEvent(stream, e.period(), e.kpiCode(), e.note(), e.resolvedBy()));
            rateIfRated(e.period(), overallBefore, RatingReasons.validated(new ResolveKpiDiscrepancyCommand(
                    stream, e.period(), e.kpiCode(), e.note(), e.resolvedBy())));
        } else if (event instanceof RagOverriddenEvent e) {
            overridden(stored, e);
        } else if (event instanceof TrajectoryAssessedEvent e) {
            statement(stored, e);
        } else {
            report(stored.sequence(), stored.type(), period(event), null, event, null);
        }
    }

    private void kpiRated(Stored stored, KpiRatedEvent e) {
        Optional<FrameworkVersion> framework = frameworks.inForce(e.period());
        Optional<KpiSpec> kpi = framework.flatMap(f -> f.kpi(e.kpiCode()));
        if (kpi.isEmpty()) {
            report(stored.sequence(), stored.type(), e.period().toString(), "kpiCode", e.kpiCode(),
                    framework.map(f -> "no such KPI in framework version " + f.version() + ", in force for "
                            + e.period()).orElse("no framework version in force for " + e.period()));
            return;
        }
        Rating band;
        try {
            band = BandRating.bandOfFigure(kpi.get().bands(), e.value(), e.numerator(), e.denominator()).rating();
        } catch (IllegalArgumentException | NullPointerException ex) {
            report(stored.sequence(), stored.type(), e.period().toString(), "value", e.value(),
                    "cannot be rated under framework version " + framework.get().version() + ": " + ex.getMessage());
            return;
        }
        KpiRatedEvent follows = new KpiRatedEvent(stream, e.period(), e.kpiCode(), e.value(), e.numerator(),
                e.denominator(), e.source(), framework.get().version(), band, e.reportedBand(), kpi.get().headline(),
                e.correction());
        compare(stored, follows);
        KpiInput before = periods.get(e.period()).flatMap(p -> p.input(e.kpiCode(), e.source())).orElse(null);
        Rating overallBefore = periods.overall();
        periods.on(follows);
        rate(e.period(), overallBefore, RatingReasons.corrected(new RateKpiValueCommand(stream, e.period(),
                e.kpiCode(), e.value(), e.numerator(), e.denominator(), e.source(), e.frameworkVersion(),
                e.reportedBand(), e.correction()), before));
    }

    private void overridden(Stored stored, RagOverriddenEvent e) {
        RatedPeriod period = periods.get(e.period()).orElse(null);
        Rating computed = period == null || period.computed == null ? Rating.NOT_RATED : period.computed;
        RagOverriddenEvent follows = new RagOverriddenEvent(stream, e.period(), computed, e.rating(),
                period == null ? null : period.decided, e.rationale(), e.officer(), WorstHeadlineBandPolicy.VERSION);
        compare(stored, follows);
        Rating overallBefore = periods.overall();
        periods.on(follows);
        rate(e.period(), overallBefore, null);
    }

    private void statement(Stored stored, TrajectoryAssessedEvent e) {
        Rating current = periods.overall();
        if (current == null) {
            report(stored.sequence(), stored.type(), e.period().toString(), null, e,
                    "no statement: the contract has no rating yet");
            return;
        }
        compare(stored, new TrajectoryAssessedEvent(stream, periods.latestDecided(), e.horizonMonths(), current,
                e.projectedRating(), Trend.of(current, e.projectedRating()), Basis.OFFICER, null, List.of(),
                e.statement(), e.assessedBy()));
    }

    private void rateIfRated(YearMonth month, Rating overallBefore, String reason) {
        if (periods.get(month).orElseThrow().computed != null) {
            rate(month, overallBefore, reason);
        }
    }

    /** What {@code ContractRating.rate} records, applied to the replay's state and expected next in the store. */
    private void rate(YearMonth month, Rating overallBefore, String reason) {
        RatedPeriod period = periods.get(month).orElseThrow();
        ContractRatedEvent rated = period.rating(stream, month, frameworks.inForce(month), reason);
        periods.on(rated);
        expected.add(rated);
        Rating overallAfter = periods.overall();
        if (overallAfter != null && overallAfter != overallBefore) {
            expected.add(new RagChangedEvent(stream, overallBefore, overallAfter, month, period.basis,
                    period.officerDecided() ? period.rationale : null));
        }
        trajectory.assess(stream, periods, frameworks).ifPresent(assessed -> {
            trajectory.on(assessed);
            expected.add(assessed);
        });
    }

    private void expectNothingMore() {
        while (!expected.isEmpty()) {
            Object missing = expected.poll();
            report(next++, type(missing), period(missing), null, null, missing);
        }
    }

    private void compare(Stored stored, Object follows) {
        if (stored.payload().getClass() != follows.getClass()) {
            report(stored.sequence(), stored.type(), period(stored.payload()), null, stored.payload(), follows);
            return;
        }
        Differences.between(stored.payload(), follows).forEach(d -> report(stored.sequence(), stored.type(),
                period(follows), d.field(), d.left(), d.right()));
    }

    private void report(long sequence, String type, String period, String field, Object recorded, Object follows) {
        found.add(new Underivable(stream, sequence, type, period, field, recorded, follows));
    }

    /** ContractRated for ContractRatedEvent: the names the rating history uses. */
    public static String type(Object event) {
        return event.getClass().getSimpleName().replaceFirst("Event$", "");
    }

    /** The month an event is about, where it names one (every rating event but FrameworkRecorded does). */
    private static String period(Object event) {
        if (event == null || !event.getClass().isRecord()) {
            return null;
        }
        return Arrays.stream(event.getClass().getRecordComponents())
                .filter(c -> c.getName().equals("period") && c.getType() == YearMonth.class).findFirst()
                .map(c -> {
                    try {
                        return String.valueOf(c.getAccessor().invoke(event));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }).orElse(null);
    }
}
