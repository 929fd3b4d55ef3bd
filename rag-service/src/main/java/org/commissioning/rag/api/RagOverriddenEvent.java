package org.commissioning.rag.api;

import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/** An officer decided a period's rating with a rationale (officer judgement); the computed rating stays on record. */
@Revision("1")
public record RagOverriddenEvent(String contractId, YearMonth period, Rating computedRating, Rating rating,
                                 Rating previousRating, String rationale, String officer, String policyVersion)
        implements ContractRatingEvent {
}
