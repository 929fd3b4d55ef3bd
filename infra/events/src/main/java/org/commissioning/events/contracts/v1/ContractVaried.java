package org.commissioning.events.contracts.v1;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.commissioning.events.Context;
import org.commissioning.events.PublishedEvent;

/**
 * The value and/or the term of a contract was formally varied. Carries the values after the variation (an
 * unchanged one repeated) and before it, so a consumer can replace its copy without arithmetic.
 *
 * @param annualValueGbp         the annual value from {@code effectiveDate}; null where never recorded
 * @param end                    the end date after the variation; null where never recorded
 * @param previousAnnualValueGbp the annual value before; null where not recorded
 * @param previousEnd            the end date before; null where not recorded
 */
@PublishedEvent(context = Context.CONTRACTS, name = "ContractVaried", version = 1)
public record ContractVaried(
        String contractId,
        BigDecimal annualValueGbp,
        LocalDate end,
        BigDecimal previousAnnualValueGbp,
        LocalDate previousEnd,
        LocalDate effectiveDate,
        String reason) {
}
