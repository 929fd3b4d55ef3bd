package org.commissioning.gateway.api;

import java.math.BigDecimal;

/**
 * The totals of a programme year of deep dives ({@link DeepDiveProgramme} without its rows).
 *
 * @param programmeYear   the year the financial year starts in (2018)
 * @param financialYear   the same as the council writes it ({@code 2018-19})
 * @param complete        deep dives COMPLETE
 * @param pending         PLANNED, SCHEDULED or IN_PROGRESS
 * @param overdue         OVERDUE
 * @param cancelled       CANCELLED
 * @param percentComplete complete as a percentage of those not cancelled, to one decimal place; 0.0 for none
 */
public record DeepDiveProgress(int programmeYear, String financialYear, long complete, long pending, long overdue,
                               long cancelled, BigDecimal percentComplete) {
}
