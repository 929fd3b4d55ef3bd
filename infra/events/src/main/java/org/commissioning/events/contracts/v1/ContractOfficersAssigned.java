package org.commissioning.events.contracts.v1;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/** The council's lead officer and the contract manager of a contract were named (both, each time). */
@PublishedEvent(context = Context.CONTRACTS, name = "ContractOfficersAssigned", version = 1)
public record ContractOfficersAssigned(
        String contractId,
        String leadOfficer,
        String contractManager) {
}
