package org.commissioning.gateway.api;

import java.util.List;

import org.commissioning.platform.domain.RuleViolationException;

/**
 * Filters of the dashboard list, each an exact match and each optional ({@code null} means no filter).
 * An area or a district matches the contracts that cover it; a rag of {@value #NOT_RATED} matches the
 * contracts not rated yet. A provider, area or district nothing has (unknown or blank) matches nothing; a
 * {@code serviceArea}, {@code status} or {@code rag} outside its vocabulary is refused ({@link #validated()}).
 */
public record DashboardQuery(String serviceArea, String area, String district, String provider, String rag,
                             String status) {

    /** What the summary counts, and the list filters on, for a contract without a rating. */
    public static final String NOT_RATED = "NOT_RATED";
    /** The rule a filter value outside its vocabulary breaks. */
    public static final String KNOWN_FILTER_VALUE = "known-filter-value";
    /** The service areas of {@code ContractRegistered.v1}. */
    public static final List<String> SERVICE_AREAS = List.of("FAMILY_SUPPORT", "YOUNG_CARERS", "CHILDRENS_CENTRES",
            "YOUTH", "NEETS", "EMOTIONAL_HEALTH_AND_WELLBEING", "LOCAL_GRANTS");
    /** The overall ratings of {@code RagChanged.v1}, and none yet. */
    public static final List<String> RAGS = List.of("STRETCH", "GREEN", "AMBER", "RED", NOT_RATED);

    public static DashboardQuery all() {
        return new DashboardQuery(null, null, null, null, null, null);
    }

    /**
     * This query, if each of {@code serviceArea}, {@code status} and {@code rag} is absent or one of its values.
     *
     * @throws RuleViolationException ({@value #KNOWN_FILTER_VALUE}) naming the first parameter at fault and its values
     */
    public DashboardQuery validated() {
        known("serviceArea", serviceArea, SERVICE_AREAS);
        known("status", status, DashboardContract.STATUSES);
        known("rag", rag, RAGS);
        return this;
    }

    static void known(String parameter, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new RuleViolationException(KNOWN_FILTER_VALUE, parameter, "%s must be one of %s, not '%s'"
                    .formatted(parameter, String.join(", ", allowed), value));
        }
    }
}
