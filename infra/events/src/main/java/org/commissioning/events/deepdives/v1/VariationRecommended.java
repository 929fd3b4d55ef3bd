package org.commissioning.events.deepdives.v1;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A completed deep dive recommended a formal variation of the contract (area 9, lessons learnt). A recommendation
 * only: the officer still decides any variation in contract-service. Published right after the
 * {@link DeepDiveCompleted} that carries it.
 *
 * @param reason why a variation is needed, whether it is possible, and how
 */
@PublishedEvent(context = Context.DEEPDIVES, name = "VariationRecommended", version = 1)
public record VariationRecommended(
        String contractId,
        int programmeYear,
        String reason) {
}
