package org.commissioning.contract.api;

import java.time.LocalDate;

/** Stored event: the open plan was closed, with its outcome. */
public record PlanClosedEvent(
        String contractId,
        int planNumber,
        PlanKind kind,
        String outcome,
        LocalDate closedOn) implements ContractEvent {
}
