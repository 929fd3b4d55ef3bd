package org.commissioning.contract.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * Stored event: the value and/or the term of a contract was formally varied.
 *
 * @param annualValueGbp         the annual value from the effective date on (unchanged values are repeated)
 * @param end                    the end date after the variation
 * @param previousAnnualValueGbp the annual value before it
 * @param previousEnd            the end date before it
 */
@Revision("1")
public record ContractVariedEvent(
        String contractId,
        BigDecimal annualValueGbp,
        LocalDate end,
        BigDecimal previousAnnualValueGbp,
        LocalDate previousEnd,
        LocalDate effectiveDate,
        String reason) implements ContractEvent {
}
