package org.commissioning.rag.api;

import java.time.YearMonth;

import org.axonframework.serialization.Revision;

/**
 * The contract's overall rating (that of its latest rated period, NOT_RATED periods aside) changed.
 *
 * @param from null for the contract's first rating
 */
@Revision("1")
public record RagChangedEvent(String contractId, Rating from, Rating to, YearMonth period, Basis basis,
                              String rationale)
        implements ContractRatingEvent {
}
