package org.commissioning.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * Stored event: private to contract-service; published as {@code ContractRegistered.v1}.
 *
 * @param extensionMonths how long the contract may be extended beyond its end, once (12 for "3 years + 1");
 *                        0 for none. Events stored before it was recorded have no revision and
 *                        are read as revision 1 with 0 ({@code ContractRegisteredEventUpcaster}).
 */
@Revision("1")
public record ContractRegisteredEvent(
        String contractId,
        String provider,
        ServiceArea serviceArea,
        Lot lot,
        BigDecimal annualValueGbp,
        LocalDate start,
        LocalDate end,
        Integer extensionMonths) implements ContractEvent {
}
