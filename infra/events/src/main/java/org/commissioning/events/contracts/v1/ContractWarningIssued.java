package org.commissioning.events.contracts.v1;

import java.time.LocalDate;
import java.util.List;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * A formal contract warning was issued to the provider.
 *
 * @param warningNumber    1 for the contract's first warning, 2 for its second, ...
 * @param reasons          at least one
 * @param responseDeadline after {@code issuedOn}
 */
@PublishedEvent(context = Context.CONTRACTS, name = "ContractWarningIssued", version = 1)
public record ContractWarningIssued(
        String contractId,
        int warningNumber,
        List<String> reasons,
        LocalDate issuedOn,
        LocalDate responseDeadline) {

    public ContractWarningIssued {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
