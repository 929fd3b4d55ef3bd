package org.commissioning.rag.api;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A contract's rating for a period was recorded, with its evidence. The time and the triggering actor are the stored
 * event's timestamp and metadata.
 *
 * @param rating            the rating that stands: the officer's where {@code basis} is OFFICER, else the computed one
 * @param computedRating    what the policy computed: GREEN, AMBER, RED or NOT_RATED
 * @param evidence          the headline KPI values the computation rests on (value, source, band, framework version)
 * @param missingHeadlines  headline KPI codes without a value (why a period is NOT_RATED)
 * @param frameworkVersions the band table (framework) versions of the evidence
 * @param ratedBy           {@code rag-service} for a computed rating, the officer for an officer's
 * @param rationale         the officer's rationale where the basis is OFFICER, else null
 * @param notValidated      headline KPI codes whose value is flagged as not validated (why {@code provisional})
 * @param reason            why the period was rated again where that is not plain new data (a correction, a
 *                          discrepancy flagged or resolved), e.g. "re-rated after KPI X was corrected from 86 to 91";
 *                          null otherwise, and in events stored before it existed
 */
@Revision("1")
public record ContractRatedEvent(String contractId, YearMonth period, Rating rating, Rating computedRating,
                                 Basis basis, boolean provisional, String policyVersion, List<KpiEvidence> evidence,
                                 List<String> missingHeadlines, List<Integer> frameworkVersions, String ratedBy,
                                 String rationale, List<String> notValidated, String reason)
        implements ContractRatingEvent {

    public ContractRatedEvent {
        evidence = List.copyOf(evidence);
        missingHeadlines = List.copyOf(missingHeadlines);
        frameworkVersions = List.copyOf(frameworkVersions);
        notValidated = notValidated == null ? List.of() : List.copyOf(notValidated);
    }
}
