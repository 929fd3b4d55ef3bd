package org.commissioning.gateway.application.portal;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A month of a contract in the portal: its return where the provider's has arrived, else the form to make it.
 *
 * @param form         null where no return can be made here (already made, no framework in force, or the caller
 *                     may not submit); {@code noFormReason} says why
 * @param noFormReason null where there is a form
 */
public record ReturnMonth(PortalContract contract, YearMonth period, Optional<PastReturn> pastReturn,
                          ReturnForm form, String noFormReason) {

    public FinancialYear financialYear() {
        return FinancialYear.of(period);
    }
}
