package org.commissioning.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param extensionMonths optional: 0 to 60 months the contract may be extended by, once (null for none) */
public record RegisterContractCommand(
        @TargetAggregateIdentifier String contractId,
        String provider,
        ServiceArea serviceArea,
        Lot lot,
        BigDecimal annualValueGbp,
        LocalDate start,
        LocalDate end,
        Integer extensionMonths) {
}
