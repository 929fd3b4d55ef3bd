package org.commissioning.gateway.api;

import org.commissioning.events.contracts.v1.Geography;
import org.commissioning.platform.domain.RuleViolationException;

/**
 * The filters of the county overview and the rating table, each optional and each an exact match: an {@code area} or
 * a {@code district} matches the contracts that cover it (a county-wide contract covers every one), a {@code rag} of
 * {@value DashboardQuery#NOT_RATED} the contracts not rated yet. A blank value is no filter (what an HTML form's
 * "any" option sends); a value outside its vocabulary is refused ({@link #validated()}).
 */
public record DashboardFilter(String area, String district, String serviceArea, String status, String rag) {

    public DashboardFilter {
        area = given(area);
        district = given(district);
        serviceArea = given(serviceArea);
        status = given(status);
        rag = given(rag);
    }

    public static DashboardFilter none() {
        return new DashboardFilter(null, null, null, null, null);
    }

    /**
     * This filter, if each value is absent or one of its vocabulary: the four areas and twelve districts of the
     * published language, the service areas, statuses and ratings of {@link DashboardQuery}.
     *
     * @throws RuleViolationException ({@value DashboardQuery#KNOWN_FILTER_VALUE}) naming the first parameter at fault
     *                                and its values
     */
    public DashboardFilter validated() {
        DashboardQuery.known("area", area, Geography.areas());
        DashboardQuery.known("district", district, Geography.districts());
        DashboardQuery.known("serviceArea", serviceArea, DashboardQuery.SERVICE_AREAS);
        DashboardQuery.known("status", status, DashboardContract.STATUSES);
        DashboardQuery.known("rag", rag, DashboardQuery.RAGS);
        return this;
    }

    /** The same filter as a query of the dashboard's list. */
    public DashboardQuery query() {
        return new DashboardQuery(serviceArea, area, district, null, rag, status);
    }

    /** Whether a district's cell of the county grid is within this filter's place (its area and district). */
    public boolean covers(String area, String district) {
        return (this.area == null || this.area.equals(area)) && (this.district == null || this.district.equals(district));
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
