package org.commissioning.rag.api;

import java.util.List;

/**
 * The answer of a re-derivation check: every recorded computed rating of a contract recomputed from its recorded
 * evidence with the current band rater and policy.
 *
 * @param policyVersion the policy the check recomputed with
 * @param checked       how many recorded ratings (ContractRated entries) were recomputed
 * @param mismatches    every recorded rating its evidence does not yield, in the order of the contract's stream
 */
public record Rederivation(String contractId, String policyVersion, int checked, List<Mismatch> mismatches) {

    public Rederivation {
        mismatches = List.copyOf(mismatches);
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
