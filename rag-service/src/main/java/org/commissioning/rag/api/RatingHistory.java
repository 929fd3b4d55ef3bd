package org.commissioning.rag.api;

import java.time.Instant;
import java.util.List;

/**
 * A contract's ratings as known at {@code asOf} (now when not asked).
 *
 * @param current      the overall rating then (the {@code to} of the last RagChanged), null before the first
 * @param periods      the rating of each rated period as it then stood, ordered by period, with its evidence
 * @param ratings      every ContractRated up to then in the order recorded, superseded ones included (a period
 *                     rated again after a correction appears twice, the later with its {@code reason})
 * @param changes      every RagChanged up to then, in order
 * @param overrides    every officer judgement up to then, in order
 * @param trajectory   the latest TrajectoryAssessed then, null before the first
 * @param trajectories every TrajectoryAssessed up to then, in order
 * @param deepDives    the outcome of each of the contract's deep dives recorded by then (completed or cancelled),
 *                     by programme year: qualitative evidence beside the ratings, which it never changes
 */
public record RatingHistory(String contractId, Instant asOf, Rating current, List<RatingRecord> periods,
                            List<RatingRecord> ratings, List<RatingRecord> changes, List<RatingRecord> overrides,
                            RatingRecord trajectory, List<RatingRecord> trajectories, List<DeepDiveOutcome> deepDives) {

    public RatingHistory {
        deepDives = deepDives == null ? List.of() : List.copyOf(deepDives);
    }

    /** The same ratings with these deep dives' outcomes beside them. */
    public RatingHistory withDeepDives(List<DeepDiveOutcome> outcomes) {
        return new RatingHistory(contractId, asOf, current, periods, ratings, changes, overrides, trajectory,
                trajectories, outcomes);
    }
}
