package org.commissioning.events.deepdives.v1;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * An unfinished deep dive left its programme because the contract ended (terminated or expired before it was done).
 *
 * @param reason why, e.g. "contract terminated with effect from 2018-09-30"
 */
@PublishedEvent(context = Context.DEEPDIVES, name = "DeepDiveCancelled", version = 1)
public record DeepDiveCancelled(
        String contractId,
        int programmeYear,
        String reason) {
}
