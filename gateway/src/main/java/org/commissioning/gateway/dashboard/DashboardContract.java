package org.commissioning.gateway.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of the dashboard: a contract as the management team reads it. Stored as is in
 * {@code dashboard_contracts} (the id is the contract id) and served as is by {@code GET /api/dashboard/contracts}.
 * Every field is always written out, {@code null} included, so each row has the same shape.
 *
 * @param lotScope          COUNTY, AREA or DISTRICT
 * @param areas             the areas the contract covers (all four for a county-wide lot)
 * @param districts         the districts it covers
 * @param annualValueGbp    null where the council has not recorded it
 * @param status            {@value #ACTIVE} once registered; then TERMINATED, EXPIRED or RECOMMISSIONED
 * @param rag               the overall rating that set the monitoring cadence; null until the contract has been rated
 * @param registeredAt      when the contract was registered (the event's time)
 * @param lastEventSequence sequence of the last contract event applied to this row
 * @param lastEventId       id of that event
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DashboardContract(
        String id,
        String provider,
        String serviceArea,
        String lotScope,
        List<String> areas,
        List<String> districts,
        BigDecimal annualValueGbp,
        LocalDate start,
        LocalDate end,
        String status,
        String rag,
        Instant registeredAt,
        long lastEventSequence,
        String lastEventId) {

    public static final String ACTIVE = "ACTIVE";

    public DashboardContract {
        areas = areas == null ? List.of() : List.copyOf(areas);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
