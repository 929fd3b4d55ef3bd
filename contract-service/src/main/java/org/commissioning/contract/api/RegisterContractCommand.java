package org.commissioning.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterContractCommand(
        @TargetAggregateIdentifier String contractId,
        String provider,
        ServiceArea serviceArea,
        Lot lot,
        BigDecimal annualValueGbp,
        LocalDate start,
        LocalDate end) {
}
