package org.commissioning.contract.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A contract as officers read it: the answer to {@link FindContractQuery} and {@link ListContractsQuery}. */
public record ContractSummary(
        String id,
        String provider,
        ServiceArea serviceArea,
        Lot lot,
        List<String> areas,
        List<String> districts,
        BigDecimal annualValueGbp,
        LocalDate start,
        LocalDate end,
        ContractStatus status,
        long version,
        Instant registeredAt) {
}
