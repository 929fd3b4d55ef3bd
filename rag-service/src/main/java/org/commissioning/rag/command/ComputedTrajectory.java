package org.commissioning.rag.command;

import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.commissioning.rag.api.Basis;
import org.commissioning.rag.api.KpiInput;
import org.commissioning.rag.api.TrajectoryAssessedEvent;

/**
 * The trajectory of a {@link ContractRating} as {@link Trajectories} computes it, assessed after every rating at
 * the latest month whose computed rating is GREEN, AMBER or RED, and recorded only when it differs from the last
 * computed one (so a redelivery records nothing).
 */
class ComputedTrajectory {

    private TrajectoryAssessedEvent lastComputed;

    /** The new assessment, if it differs from the last one recorded. */
    Optional<TrajectoryAssessedEvent> assess(String contractId, RatedPeriods periods, Frameworks frameworks) {
        NavigableMap<YearMonth, Map<String, KpiInput>> rated = periods.computedDecidable();
        if (rated.isEmpty()) {
            return Optional.empty();
        }
        YearMonth latest = rated.lastKey();
        return frameworks.inForce(latest)
                .flatMap(f -> Trajectories.assess(f, rated, periods.get(latest).orElseThrow().computed))
                .map(a -> new TrajectoryAssessedEvent(contractId, a.period(), Trajectories.HORIZON,
                        a.currentRating(), a.projectedRating(), a.trend(), Basis.COMPUTED, Trajectories.METHOD,
                        a.projections(), null, RatedPeriod.RATED_BY_POLICY))
                .filter(assessed -> !assessed.equals(lastComputed));
    }

    @EventSourcingHandler
    void on(TrajectoryAssessedEvent event) {
        if (event.basis() == Basis.COMPUTED) {
            lastComputed = event;
        }
    }
}
