package org.commissioning.rag.api;

import java.util.List;

/**
 * The answer of a re-derivation check of a contract: its stored events replayed, every rating decision taken again
 * from the evidence in the store; the rating-history projection compared with the store entry by entry; and every
 * computed rating of the projection recomputed from the evidence recorded with it.
 *
 * @param policyVersion        the policy the check recomputed with
 * @param checked              how many ContractRated entries of the projection were recomputed
 * @param mismatches           every ContractRated entry of the projection its own evidence does not yield, in the
 *                             order of the contract's stream
 * @param replayed             how many stored events of the contract's stream were replayed
 * @param underivable          every field of a stored event that does not follow from the evidence stored before
 *                             it, and every event the replay expects but the store lacks or the other way round
 * @param projectionMismatches every field of a projection entry that differs from its stored event, and every entry
 *                             on one side only
 */
public record Rederivation(String contractId, String policyVersion, int checked, List<Mismatch> mismatches,
                           int replayed, List<Underivable> underivable,
                           List<ProjectionMismatch> projectionMismatches) {

    public Rederivation {
        mismatches = List.copyOf(mismatches);
        underivable = List.copyOf(underivable);
        projectionMismatches = List.copyOf(projectionMismatches);
    }

    /** The check of the projection's entries alone, before the store is replayed. */
    public Rederivation(String contractId, String policyVersion, int checked, List<Mismatch> mismatches) {
        this(contractId, policyVersion, checked, mismatches, 0, List.of(), List.of());
    }

    /** This check with the replay of the store and the comparison of the projection with it. */
    public Rederivation withStore(int replayedEvents, List<Underivable> notFollowing,
                                  List<ProjectionMismatch> notMatching) {
        return new Rederivation(contractId, policyVersion, checked, mismatches, replayedEvents, notFollowing,
                notMatching);
    }

    /**
     * A stored event, or one of its fields, that does not follow from the evidence stored before it.
     *
     * @param stream   the event stream: the contract id
     * @param sequence the stored event's sequence number (of a missing event: the number it would have)
     * @param type     the event type, e.g. ContractRated
     * @param period   the month it is about, yyyy-MM, where it names one
     * @param field    the field that differs, e.g. {@code computedRating} or {@code evidence[0].band}; null where the
     *                 whole event is at fault (missing, not expected, unreadable)
     * @param recorded what the store holds (null for a missing event)
     * @param follows  what follows from the evidence (null for an event that should not be there)
     */
    public record Underivable(String stream, long sequence, String type, String period, String field,
                              Object recorded, Object follows) {
    }

    /**
     * A rating-history entry, or one of its fields, that does not match the store.
     *
     * @param stream     the event stream: the contract id
     * @param sequence   the sequence number the entry names (the stored event's)
     * @param type       the entry's type (ContractRated, RagChanged, RagOverridden, TrajectoryAssessed)
     * @param field      the field that differs, e.g. {@code rating} or {@code evidence[0].value}; null where the
     *                   entry is on one side only
     * @param projection what the projection holds (null for an entry it lacks)
     * @param store      what the stored event gives (null for an entry the store has no event for)
     */
    public record ProjectionMismatch(String stream, long sequence, String type, String field, Object projection,
                                     Object store) {
    }

    /**
     * One recorded rating its recorded evidence does not yield.
     *
     * @param period     the rated month, yyyy-MM
     * @param sequence   the recorded rating's sequence number in the contract's stream
     * @param recorded   the computed rating on record
     * @param recomputed what the evidence yields; null where it cannot be recomputed (e.g. an unknown band table)
     * @param reasons    what differs: a KPI's band, the rating, the missing headlines, the policy version, an
     *                   unknown framework version
     */
    public record Mismatch(String period, long sequence, Rating recorded, Rating recomputed, List<String> reasons) {

        public Mismatch {
            reasons = List.copyOf(reasons);
        }
    }
}
