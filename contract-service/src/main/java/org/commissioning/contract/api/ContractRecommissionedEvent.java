package org.commissioning.contract.api;

import java.math.BigDecimal;

import org.axonframework.serialization.Revision;

/**
 * Stored event: how the service of a terminated or expired contract continues.
 *
 * @param annualValueGbp      the new annual value; always given for a re-procurement, optional otherwise
 * @param successorContractId the contract that continues the service, where there is one
 */
@Revision("1")
public record ContractRecommissionedEvent(
        String contractId,
        RecommissioningRoute route,
        BigDecimal annualValueGbp,
        String successorContractId,
        String reason) implements ContractEvent {
}
