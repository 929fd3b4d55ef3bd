package org.commissioning.kpi.command;

import java.time.YearMonth;

import org.commissioning.kpi.api.ContractFacts;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiFrameworkVersion;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.kpi.api.SubmittedValue;
import org.commissioning.platform.domain.RuleViolationException;

/**
 * The checks of one value of a return, on its own (the checks across values, duplicates and missing totals, are
 * {@link ReturnValueSet}'s). Shared by {@link MonthlyReturn} and the CSV import, which checks every row before
 * sending anything so it can report each bad row at once.
 */
public final class ReturnValues {

    /** Who a value comes from. */
    public enum Source { PROVIDER, COUNCIL }

    private ReturnValues() {
    }

    /**
     * The value as it would be stored, or a {@link RuleViolationException} naming what is wrong with it.
     *
     * @param at the request field of the value, e.g. {@code values[2]}
     */
    public static KpiValueSubmittedEvent check(SubmittedValue given, String at, Source source, String returnId,
                                               String contractId, YearMonth month, KpiFrameworkVersion framework,
                                               ContractFacts contract) {
        if (given == null || given.kpiCode() == null || given.kpiCode().isBlank()) {
            throw new RuleViolationException("kpi-code-required", at + ".kpiCode", "The value names no KPI");
        }
        KpiDefinition kpi = framework.kpi(given.kpiCode().trim()).orElseThrow(() ->
                new RuleViolationException("kpi-unknown", at + ".kpiCode", "There is no KPI " + given.kpiCode()
                        + " in version " + framework.version() + " of the framework of contract "
                        + contractId + "; its KPIs are "
                        + framework.kpis().stream().map(KpiDefinition::code).toList()));
        if (source == Source.PROVIDER && !kpi.expectedSource().fromProvider()) {
            throw new RuleViolationException("kpi-not-provider-sourced", at + ".kpiCode", "KPI " + kpi.code()
                    + " comes from the council's own systems, not from the provider's return");
        }
        if (source == Source.COUNCIL && !kpi.expectedSource().fromCouncil()) {
            throw new RuleViolationException("kpi-not-council-sourced", at + ".kpiCode", "KPI " + kpi.code()
                    + " comes from the provider's return only; the council holds no figure for it");
        }
        String district = district(given.district());
        if (district != null && !contract.districts().contains(district)) {
            throw new RuleViolationException("district-outside-lot", at + ".district", district
                    + " is not a district of the lot of contract " + contractId + ": " + contract.districts());
        }
        Measurement measured = Measurement.of(kpi, given.value(), given.numerator(), given.denominator(), at);
        return new KpiValueSubmittedEvent(returnId, contractId, month, framework.version(), kpi.code(), district,
                kpi.unit(), measured.value(), measured.numerator(), measured.denominator(), measured.band());
    }

    static String district(String given) {
        return given == null || given.isBlank() ? null : given.trim();
    }
}
