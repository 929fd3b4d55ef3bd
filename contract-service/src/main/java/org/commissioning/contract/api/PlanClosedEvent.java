package org.commissioning.contract.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** Stored event: the open plan was closed, with its outcome. */
@Revision("1")
public record PlanClosedEvent(
        String contractId,
        int planNumber,
        PlanKind kind,
        String outcome,
        LocalDate closedOn) implements ContractEvent {
}
