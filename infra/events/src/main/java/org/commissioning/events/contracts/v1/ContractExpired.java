package org.commissioning.events.contracts.v1;

import java.time.LocalDate;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/** A contract ran to its end date ({@code end}, after any variation or extension) and expired. */
@PublishedEvent(context = Context.CONTRACTS, name = "ContractExpired", version = 1)
public record ContractExpired(
        String contractId,
        LocalDate end) {
}
