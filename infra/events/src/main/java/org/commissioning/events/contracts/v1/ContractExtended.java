package org.commissioning.events.contracts.v1;

import java.time.LocalDate;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract used its one extension (e.g. the "+1" of "3 years + 1"): it now ends on {@code end}.
 *
 * @param reason null where none was given
 */
@PublishedEvent(context = Context.CONTRACTS, name = "ContractExtended", version = 1)
public record ContractExtended(
        String contractId,
        LocalDate end,
        LocalDate previousEnd,
        String reason) {
}
