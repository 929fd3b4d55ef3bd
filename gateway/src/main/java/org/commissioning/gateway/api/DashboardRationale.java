package org.commissioning.gateway.api;

import java.time.YearMonth;

/**
 * Why the contract is rated as it is: the rating of its latest rated month (a month rated NOT_RATED aside, as the
 * overall rating leaves it aside), from its ContractRated, with the officer's rationale where an officer decided it
 * (RagOverridden of that month).
 *
 * @param period        the month
 * @param rating        STRETCH, GREEN, AMBER or RED
 * @param basis         COMPUTED from the headline KPIs, or OFFICER
 * @param provisional   while a headline value it rests on is not validated
 * @param policyVersion the rating policy that computed the month's rating
 * @param rationale     the officer's rationale where the basis is OFFICER, else null
 * @param officer       who decided it where the basis is OFFICER, else null
 */
public record DashboardRationale(YearMonth period, String rating, String basis, Boolean provisional,
                                 String policyVersion, String rationale, String officer) {

    public static final String OFFICER = "OFFICER";

    public DashboardRationale {
        provisional = Boolean.TRUE.equals(provisional);
    }

    /** The rationale as the rating table shows it: the officer's words, or how the rating was computed. */
    public String text() {
        String text = rationale != null ? rationale
                : "Computed from the headline KPIs of " + period + " (" + policyVersion + ")";
        return provisional ? text + "; provisional: a headline value is not validated" : text;
    }
}
