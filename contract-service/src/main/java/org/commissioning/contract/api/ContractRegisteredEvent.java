package org.commissioning.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Stored event: private to contract-service; published as {@code ContractRegistered.v1}.
 *
 * @param extensionMonths how long the contract may be extended beyond its end, once (12 for "3 years + 1");
 *                        0 for none. Null in events stored before it was recorded, read as 0.
 */
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
