package org.commissioning.events.contracts.v1;

import java.time.LocalDate;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * An improvement plan or an action plan was put in place for a contract; it has at most one open at a time.
 *
 * @param planNumber 1 for the contract's first plan, 2 for its second, ...; {@link PlanClosed} names it
 * @param kind       IMPROVEMENT_PLAN or ACTION_PLAN
 * @param reason     null where none was given
 */
@PublishedEvent(context = Context.CONTRACTS, name = "PlanStarted", version = 1)
public record PlanStarted(
        String contractId,
        int planNumber,
        String kind,
        String reason,
        List<PlanAction> actions,
        LocalDate startedOn) {

    public PlanStarted {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
