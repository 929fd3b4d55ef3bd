package org.commissioning.gateway.api;

/**
 * What an open page is told when a contract's dashboard row has changed: the row's rating, cadence and status as
 * they now stand, and the published event that changed it. The data of the live stream's {@code contract-<id>} and
 * {@code dashboard} events.
 *
 * @param rag     GREEN, AMBER or RED; null until rated
 * @param cadence QUARTERLY, BI_MONTHLY or MONTHLY; null when not monitored
 * @param status  ACTIVE, TERMINATED, EXPIRED or RECOMMISSIONED
 * @param change  the type of the published event applied, e.g. {@code RagChanged}
 */
public record LiveChange(String contractId, String rag, String cadence, String status, String change) {

    /** The name of the stream event a page region listening to this contract reacts to. */
    public String contractEventName() {
        return "contract-" + contractId;
    }
}
