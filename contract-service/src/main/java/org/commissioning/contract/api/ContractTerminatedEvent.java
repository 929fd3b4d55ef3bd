package org.commissioning.contract.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** Stored event: the contract was ended before its end date, from {@code effectiveDate}. */
@Revision("1")
public record ContractTerminatedEvent(
        String contractId,
        TerminationInitiator initiatedBy,
        LocalDate effectiveDate,
        String reason) implements ContractEvent {
}
