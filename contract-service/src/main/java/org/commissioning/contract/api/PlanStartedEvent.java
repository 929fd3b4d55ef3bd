package org.commissioning.contract.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Stored event: an improvement plan or an action plan was put in place.
 *
 * @param planNumber 1 for the contract's first plan, 2 for its second, ...
 */
@Revision("1")
public record PlanStartedEvent(
        String contractId,
        int planNumber,
        PlanKind kind,
        String reason,
        List<PlanAction> actions,
        LocalDate startedOn) implements ContractEvent {

    public PlanStartedEvent {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
