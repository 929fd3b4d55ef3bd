package org.commissioning.gateway.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A programme year of deep dives as Fig. 1 of the council's report shows it: each contract in the programme with its
 * provider, districts, status, due date and grade, and the totals. The answer of
 * {@code GET /api/dashboard/deepdives?year=}.
 *
 * @param programmeYear   the year the financial year starts in (2018)
 * @param financialYear   the same as the council writes it ({@code 2018-19})
 * @param rows            the contracts in the programme the caller may see, by provider, then contract id
 * @param complete        rows COMPLETE
 * @param pending         rows PLANNED, SCHEDULED or IN_PROGRESS
 * @param overdue         rows OVERDUE
 * @param cancelled       rows CANCELLED (left the programme when the contract ended)
 * @param percentComplete complete as a percentage of the rows not cancelled, to one decimal place; 0 for none
 */
public record DeepDiveProgramme(int programmeYear, String financialYear, List<Row> rows, long complete, long pending,
                                long overdue, long cancelled, BigDecimal percentComplete) {

    /** The totals without the rows. */
    public DeepDiveProgress progress() {
        return new DeepDiveProgress(programmeYear, financialYear, complete, pending, overdue, cancelled,
                percentComplete);
    }

    /**
     * @param lotScope  COUNTY, AREA or DISTRICT
     * @param districts the districts the contract covers
     */
    public record Row(String contractId, String provider, String serviceArea, String lotScope, List<String> districts,
                      String status, LocalDate due, String grade, LocalDate completedOn, boolean historic) {
    }
}
