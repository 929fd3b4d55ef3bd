package org.commissioning.events.contracts.v1;

import java.time.LocalDate;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A contract was ended before its end date.
 *
 * @param initiatedBy   PROVIDER, COUNCIL or AGREEMENT
 * @param effectiveDate the last day of service under the contract
 */
@PublishedEvent(context = Context.CONTRACTS, name = "ContractTerminated", version = 1)
public record ContractTerminated(
        String contractId,
        String initiatedBy,
        LocalDate effectiveDate,
        String reason) {
}
