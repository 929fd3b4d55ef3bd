package org.commissioning.contract.api;

import java.time.LocalDate;

/** Stored event: the contract was ended before its end date, from {@code effectiveDate}. */
public record ContractTerminatedEvent(
        String contractId,
        TerminationInitiator initiatedBy,
        LocalDate effectiveDate,
        String reason) implements ContractEvent {
}
