package org.commissioning.deepdive.api;

import org.axonframework.serialization.Revision;

/** A completed deep dive recommended a formal variation of the contract (area 9); the officer still decides one. */
@Revision("1")
public record VariationRecommendedEvent(String contractId, int programmeYear, String reason) implements DeepDiveEvent {
}
