package org.commissioning.events.contracts.v1;

import java.math.BigDecimal;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * How the service of a terminated or expired contract continues.
 *
 * @param route               IN_HOUSE, SERVICE_LEVEL_AGREEMENT, RE_PROCUREMENT or MINI_PROCUREMENT
 * @param annualValueGbp      the new annual value: always given for RE_PROCUREMENT, otherwise null where not stated
 * @param successorContractId the contract that continues the service, or null (never for IN_HOUSE)
 */
@PublishedEvent(context = Context.CONTRACTS, name = "ContractRecommissioned", version = 1)
public record ContractRecommissioned(
        String contractId,
        String route,
        BigDecimal annualValueGbp,
        String successorContractId,
        String reason) {
}
