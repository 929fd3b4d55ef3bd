package org.commissioning.gateway.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What an auditor sees of one contract: its rating history as it stood at {@code asOf} (now when null), the
 * re-derivation of its ratings from the store, the verification of each context's history chains, and, when two
 * instants were asked for, what changed between them.
 *
 * @param current  the overall rating then, null before the first
 * @param periods  each rated month's rating as it then stood, by month
 * @param ratings  every rating recorded up to then, superseded ones included, in the order recorded
 * @param changes  null when no comparison was asked for
 */
public record AuditWorkspace(String contractId, Instant asOf, String current, List<Rating> periods,
                             List<Rating> ratings, List<Override> overrides, Rederivation rederivation,
                             ChainChecks chains, Changes changes) {

    /** A rating as rag-service recorded it, with the evidence, policy and framework versions it rests on. */
    public record Rating(String period, long sequence, Instant recordedAt, String rating, String computedRating,
                         String basis, Boolean provisional, List<String> notValidated, String policyVersion,
                         List<Integer> frameworkVersions, List<String> missingHeadlines, List<Evidence> evidence,
                         String ratedBy, String triggeredBy, String causedBy, String rationale, String reason) {

        public Rating {
            notValidated = notValidated == null ? List.of() : notValidated;
            frameworkVersions = frameworkVersions == null ? List.of() : frameworkVersions;
            missingHeadlines = missingHeadlines == null ? List.of() : missingHeadlines;
            evidence = evidence == null ? List.of() : evidence;
        }
    }

    /** A headline KPI value a rating rests on, with its band and the band table's (framework's) version. */
    public record Evidence(String kpiCode, String name, BigDecimal value, Long numerator, Long denominator,
                           String source, String band, int frameworkVersion) {
    }

    /** An officer's judgement of a month: the rating they gave, what the KPIs gave, and why. */
    public record Override(String period, long sequence, Instant recordedAt, String rating, String computedRating,
                           String previousRating, String rationale, String triggeredBy, String policyVersion) {
    }

    /**
     * rag-service's re-derivation of the contract's ratings from its event store ({@code GET .../rederivation}, of
     * the store as it is now): {@code findings} lists each underivable event, projection mismatch and mismatch.
     */
    public record Rederivation(String policyVersion, int replayed, int checked, List<Finding> findings) {

        public boolean rederives() {
            return findings.isEmpty();
        }
    }

    /** One finding of the re-derivation: which check, where, and what differs. */
    public record Finding(String check, long sequence, String type, String period, String field, String recorded,
                          String expected) {
    }

    /** Each context's history chains as of the instant, as its evidence part verified them. */
    public record ChainChecks(Instant asOf, List<ChainCheck> streams) {

        public boolean intact() {
            return streams.stream().allMatch(ChainCheck::intact);
        }

        /**
         * The services that held no record of the contract at the instant (picked before it was registered there):
         * no evidence pack can be built as of then.
         */
        public List<String> notYetRecordedBy() {
            return streams.stream().filter(check -> !check.recorded()).map(ChainCheck::service).toList();
        }
    }

    /**
     * One stream's verification: intact, or the first difference found (sequence, against what, what differs);
     * {@code recorded} false where the context's service held no record of the contract yet at the instant.
     */
    public record ChainCheck(String context, String stream, boolean intact, long events, long headSequence,
                             int sealsChecked, String difference, boolean recorded, String service) {
    }

    /** What changed between two instants, in the order of the second history. */
    public record Changes(Instant from, Instant to, List<Change> entries) {
    }

    /**
     * One change: {@code kind} (Rating added, Rating changed, KPI value changed, Override added, Overall rating
     * changed), the month, what (a KPI, an officer), the value before and after, and why where the record says.
     */
    public record Change(String kind, String period, String what, String before, String after, String why) {
    }
}
