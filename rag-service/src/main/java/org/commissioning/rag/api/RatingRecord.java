package org.commissioning.rag.api;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a contract's rating history, as stored (keyed by the stored event's id, so applying it again changes
 * nothing): a ContractRated (with its evidence), a RagChanged, a RagOverridden or a TrajectoryAssessed.
 *
 * @param id          the stored event's id
 * @param type        ContractRated, RagChanged, RagOverridden or TrajectoryAssessed
 * @param period      the rated month, yyyy-MM
 * @param sequence    the stored event's sequence number in the contract's stream (the order of the history)
 * @param recordedAt  the stored event's timestamp: what {@code asOf} compares with
 * @param triggeredBy the actor whose action led to it (the stored event's metadata): the officer of an override or
 *                    a trajectory, {@code system} for a rating caused by another service's event
 * @param causedBy    of an entry caused by another service's event, the actor who started that chain (e.g. the
 *                    provider whose KPI return was rated); else absent
 * @param reason      of a ContractRated: why the period was rated again (a correction, a discrepancy), else null
 * @param notValidated of a ContractRated: headline KPIs whose value is not validated (why it is provisional)
 * @param trend       of a TrajectoryAssessed: IMPROVING, STABLE or DECLINING (with {@code projectedRating},
 *                    {@code horizonMonths}, {@code projections}; {@code statement} for an officer's)
 */
public record RatingRecord(
        String id,
        String contractId,
        String type,
        long sequence,
        Instant recordedAt,
        String triggeredBy,
        String causedBy,
        String period,
        Rating rating,
        Rating computedRating,
        Basis basis,
        Boolean provisional,
        String policyVersion,
        List<KpiEvidence> evidence,
        List<String> missingHeadlines,
        List<Integer> frameworkVersions,
        String ratedBy,
        String rationale,
        Rating from,
        Rating to,
        Rating previousRating,
        String reason,
        List<String> notValidated,
        Trend trend,
        Rating projectedRating,
        Integer horizonMonths,
        List<KpiProjection> projections,
        String statement) {
}
