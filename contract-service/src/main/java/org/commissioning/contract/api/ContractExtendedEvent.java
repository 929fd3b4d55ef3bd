package org.commissioning.contract.api;

import java.time.LocalDate;

/** Stored event: the contract's one extension was used; it now ends on {@code end}. */
public record ContractExtendedEvent(
        String contractId,
        LocalDate end,
        LocalDate previousEnd,
        String reason) implements ContractEvent {
}
