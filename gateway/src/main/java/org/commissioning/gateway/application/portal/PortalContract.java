package org.commissioning.gateway.application.portal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A contract as the provider portal shows it, as kpi-service knows it (its known contracts): the provider, service
 * area and the term its returns must fall in.
 *
 * @param start null where the council has not recorded it
 * @param end   null where not recorded
 */
public record PortalContract(String id, String provider, String serviceArea, LocalDate start, LocalDate end,
                             List<String> districts) {

    public PortalContract {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    /** Whether any day of the month falls within the term, as kpi-service reads it. */
    public boolean covers(YearMonth period) {
        return (start == null || !period.atEndOfMonth().isBefore(start))
                && (end == null || !period.atDay(1).isAfter(end));
    }
}
