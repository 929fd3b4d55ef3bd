package org.commissioning.contract.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** Stored event: the contract ran to its end date and expired. */
@Revision("1")
public record ContractExpiredEvent(
        String contractId,
        LocalDate end) implements ContractEvent {
}
