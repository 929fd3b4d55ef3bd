package org.commissioning.contract.api;

import org.axonframework.serialization.Revision;

/** Stored event: who leads on the contract for the council, and who manages it day to day (000, 1.1.2). */
@Revision("1")
public record ContractOfficersAssignedEvent(
        String contractId,
        String leadOfficer,
        String contractManager) implements ContractEvent {
}
