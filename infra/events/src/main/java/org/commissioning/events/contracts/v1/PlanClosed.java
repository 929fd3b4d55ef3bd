package org.commissioning.events.contracts.v1;

import java.time.LocalDate;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * The open plan of a contract was closed.
 *
 * @param planNumber the number its {@link PlanStarted} gave it
 * @param kind       IMPROVEMENT_PLAN or ACTION_PLAN
 */
@PublishedEvent(context = Context.CONTRACTS, name = "PlanClosed", version = 1)
public record PlanClosed(
        String contractId,
        int planNumber,
        String kind,
        String outcome,
        LocalDate closedOn) {
}
