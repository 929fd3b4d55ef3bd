package org.commissioning.gateway.application.portal;

import java.util.List;

/**
 * The version of a contract's KPI framework in force in a month, as the return form is generated from it.
 *
 * @param fields      the KPIs the provider reports (expected source PROVIDER or BOTH), in the framework's order
 * @param councilOnly the names of the KPIs only the council supplies, which the form leaves out
 */
public record ReturnFramework(int version, String effectiveFrom, List<KpiField> fields, List<String> councilOnly) {

    public ReturnFramework {
        fields = List.copyOf(fields);
        councilOnly = List.copyOf(councilOnly);
    }
}
