package org.commissioning.kpi.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What a return is checked against from the contract as this service knows it (from {@code ContractRegistered}).
 *
 * @param start     null where the council has not recorded it: periods are then not limited at that end
 * @param end       null where not recorded
 * @param districts the districts of the contract's lot (all twelve for a county-wide lot)
 */
public record ContractFacts(LocalDate start, LocalDate end, List<String> districts) {

    public ContractFacts {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    /** Whether any day of the period falls within the term (a contract starting mid-month covers that month). */
    public boolean covers(YearMonth period) {
        return (start == null || !period.atEndOfMonth().isBefore(start))
                && (end == null || !period.atDay(1).isAfter(end));
    }

    public String describeTerm() {
        return (start == null ? "an unrecorded start" : start.toString()) + " to "
                + (end == null ? "an unrecorded end" : end.toString());
    }
}
