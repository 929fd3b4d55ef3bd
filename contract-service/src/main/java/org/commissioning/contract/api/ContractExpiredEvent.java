package org.commissioning.contract.api;

import java.time.LocalDate;

/** Stored event: the contract ran to its end date and expired. */
public record ContractExpiredEvent(
        String contractId,
        LocalDate end) implements ContractEvent {
}
