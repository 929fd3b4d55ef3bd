package org.commissioning.contract.api;

/**
 * One stored event of a contract and what the store recorded with it: the answer to {@link ContractEventsAsOfQuery}.
 *
 * @param entry         the event as the lifecycle history shows it (sequence, stored time, type, actor, summary, fields)
 * @param actorName     the display name of the actor, as the request or the incoming event gave it; null where the
 *                      event was stored without one
 * @param correlationId the request or chain of events it belongs to; null where the event was stored without one
 * @param event         the stored event itself
 */
public record StoredContractEvent(ContractHistoryEntry entry, String actorName, String correlationId,
                                  ContractEvent event) {

    public long sequence() {
        return entry.sequence();
    }

    /** The event's name, e.g. {@code ContractWarningIssued}. */
    public String type() {
        return entry.type();
    }
}
