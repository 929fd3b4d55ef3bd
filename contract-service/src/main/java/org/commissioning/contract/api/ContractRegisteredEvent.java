package org.commissioning.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Stored event: private to contract-service; published as {@code ContractRegistered.v1}. */
public record ContractRegisteredEvent(
        String contractId,
        String provider,
        ServiceArea serviceArea,
        Lot lot,
        BigDecimal annualValueGbp,
        LocalDate start,
        LocalDate end) {
}
