package org.commissioning.kpi.api;

import java.time.YearMonth;

import org.commissioning.platform.domain.RuleViolationException;

/**
 * The periods a contract's figures may be given for: within the contract's term and not after the current month
 * (the council's clock). Shared by the return's commands and the application layer's checks of corrections,
 * resolutions and CSV uploads, so every path answers with the same rule and bounds.
 */
public final class ReturnPeriods {

    private ReturnPeriods() {
    }

    /**
     * @param what  what is refused, for the message: "A return for 2018-10", "A correction of 2018-10"
     */
    public static void require(YearMonth month, String contractId, ContractFacts contract, YearMonth current,
                               String what) {
        if (month == null) {
            throw new RuleViolationException("period-required", "period", "A return needs its period (yyyy-MM)");
        }
        if (month.isAfter(current)) {
            throw new RuleViolationException("period-in-future", "period", what + " cannot be accepted in " + current
                    + ": the period is in the future (periods up to " + current + " are accepted)");
        }
        if (!contract.covers(month)) {
            throw new RuleViolationException("period-outside-term", "period", month + " is outside the term of "
                    + "contract " + contractId + " (" + contract.describeTerm() + "); periods from "
                    + (contract.start() == null ? "any month" : YearMonth.from(contract.start()).toString()) + " to "
                    + (contract.end() == null ? current : min(YearMonth.from(contract.end()), current))
                    + " are accepted");
        }
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
