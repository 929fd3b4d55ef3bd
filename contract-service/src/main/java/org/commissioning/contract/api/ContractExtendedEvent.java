package org.commissioning.contract.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** Stored event: the contract's one extension was used; it now ends on {@code end}. */
@Revision("1")
public record ContractExtendedEvent(
        String contractId,
        LocalDate end,
        LocalDate previousEnd,
        String reason) implements ContractEvent {
}
