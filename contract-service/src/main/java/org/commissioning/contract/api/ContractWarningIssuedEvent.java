package org.commissioning.contract.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Stored event: a formal contract warning was issued to the provider.
 *
 * @param warningNumber 1 for the contract's first warning, 2 for its second, ...
 */
@Revision("1")
public record ContractWarningIssuedEvent(
        String contractId,
        int warningNumber,
        List<String> reasons,
        LocalDate issuedOn,
        LocalDate responseDeadline) implements ContractEvent {

    public ContractWarningIssuedEvent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
