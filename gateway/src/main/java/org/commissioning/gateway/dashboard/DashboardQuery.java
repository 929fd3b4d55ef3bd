package org.commissioning.gateway.dashboard;

/**
 * Filters of the dashboard list, each an exact match and each optional ({@code null} means no filter).
 * An area or a district matches the contracts that cover it; a rag of {@value DashboardView#NOT_RATED} matches the
 * contracts not rated yet. A value nothing has (unknown or blank) matches nothing.
 */
public record DashboardQuery(String serviceArea, String area, String district, String provider, String rag) {

    public static DashboardQuery all() {
        return new DashboardQuery(null, null, null, null, null);
    }
}
