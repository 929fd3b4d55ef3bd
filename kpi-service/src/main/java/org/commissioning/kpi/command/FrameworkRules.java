package org.commissioning.kpi.command;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.commissioning.kpi.api.BandTable;
import org.commissioning.kpi.api.KpiDefinition;
import org.commissioning.kpi.api.KpiLimits;
import org.commissioning.platform.domain.RuleViolationException;

/** What makes a framework version acceptable, for defining and revising alike. */
final class FrameworkRules {

    static final int MAX_HEADLINES = 3;
    private static final Pattern CODE = Pattern.compile(KpiLimits.KPI_CODE_PATTERN);

    private FrameworkRules() {
    }

    /** A version starts at most {@link KpiLimits#EFFECTIVE_FROM_MONTHS_AHEAD} months after {@code current}. */
    static void requireEffectiveFrom(YearMonth effectiveFrom, YearMonth current) {
        if (effectiveFrom == null) {
            throw new RuleViolationException("effective-from-required", "effectiveFrom",
                    "A framework version needs the period it is effective from (yyyy-MM)");
        }
        YearMonth latest = current.plusMonths(KpiLimits.EFFECTIVE_FROM_MONTHS_AHEAD);
        if (effectiveFrom.isAfter(latest)) {
            throw new RuleViolationException("effective-from-too-far-ahead", "effectiveFrom",
                    "A framework version starts at most " + KpiLimits.EFFECTIVE_FROM_MONTHS_AHEAD + " months after "
                            + "the current month " + current + ", so at the latest in " + latest + "; got "
                            + effectiveFrom);
        }
    }

    /** The KPIs as they are stored: names trimmed, bands in rising order. */
    static List<KpiDefinition> accepted(List<KpiDefinition> kpis) {
        if (kpis == null || kpis.isEmpty()) {
            throw new RuleViolationException("kpis-required", "kpis", "A framework needs at least one KPI");
        }
        if (kpis.size() > KpiLimits.KPIS_PER_FRAMEWORK) {
            throw new RuleViolationException("kpis-too-many", "kpis", "A framework has at most "
                    + KpiLimits.KPIS_PER_FRAMEWORK + " KPIs; got " + kpis.size());
        }
        List<KpiDefinition> accepted = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < kpis.size(); i++) {
            KpiDefinition kpi = kpis.get(i);
            String at = "kpis[" + i + "]";
            if (kpi == null) {
                throw new RuleViolationException("kpi-required", at, "KPI " + i + " is empty");
            }
            String code = kpi.code() == null ? "" : kpi.code().trim();
            if (!CODE.matcher(code).matches()) {
                throw new RuleViolationException("kpi-code-invalid", at + ".code", "A KPI code is 1 to "
                        + KpiLimits.KPI_CODE + " upper-case letters, digits or '-', starting with a letter or digit ("
                        + KpiLimits.KPI_CODE_PATTERN + "); got '" + abbreviated(code) + "'");
            }
            if (!codes.add(code.toUpperCase(Locale.ROOT))) {
                throw new RuleViolationException("kpi-code-duplicate", at + ".code",
                        "The code " + code + " is used by more than one KPI");
            }
            if (kpi.name() == null || kpi.name().isBlank()) {
                throw new RuleViolationException("kpi-name-required", at + ".name", "KPI " + code + " needs a name");
            }
            if (kpi.name().trim().length() > KpiLimits.KPI_NAME) {
                throw new RuleViolationException("kpi-name-too-long", at + ".name", "KPI " + code + ": a name is at "
                        + "most " + KpiLimits.KPI_NAME + " characters; got " + kpi.name().trim().length());
            }
            if (kpi.unit() == null) {
                throw new RuleViolationException("kpi-unit-required", at + ".unit",
                        "KPI " + code + " needs a unit: PERCENT, COUNT, DAYS or MONEY");
            }
            if (kpi.direction() == null) {
                throw new RuleViolationException("kpi-direction-required", at + ".direction",
                        "KPI " + code + " needs a direction: HIGHER_IS_BETTER or LOWER_IS_BETTER");
            }
            if (kpi.expectedSource() == null) {
                throw new RuleViolationException("kpi-source-required", at + ".expectedSource",
                        "KPI " + code + " needs an expected source: PROVIDER, COUNCIL or BOTH");
            }
            BandTable table;
            try {
                table = BandTable.of(kpi.unit(), kpi.direction(), kpi.bands());
            } catch (RuleViolationException e) {
                throw new RuleViolationException(e.rule(), at + ".bands", "KPI " + code + ": " + e.getMessage());
            }
            java.math.BigDecimal tolerance = kpi.tolerance();
            if (tolerance != null && !kpi.unit().admits(tolerance)) {
                throw new RuleViolationException("tolerance-invalid", at + ".tolerance", "KPI " + code + ": a "
                        + "tolerance is a difference in " + kpi.unit() + " from 0 (" + kpi.unit().describeRange()
                        + "); got " + tolerance.toPlainString());
            }
            accepted.add(new KpiDefinition(code, kpi.name().trim(), kpi.unit(), kpi.direction(), table.bands(),
                    kpi.headline(), kpi.expectedSource(), tolerance));
        }
        long headlines = accepted.stream().filter(KpiDefinition::headline).count();
        if (headlines < 1 || headlines > MAX_HEADLINES) {
            throw new RuleViolationException("headline-count", "kpis",
                    "A framework has 1 to " + MAX_HEADLINES + " headline KPIs, which the contract's overall rating "
                            + "is built from; got " + headlines);
        }
        return List.copyOf(accepted);
    }

    private static String abbreviated(String text) {
        return text.length() <= KpiLimits.KPI_CODE + 10 ? text : text.substring(0, KpiLimits.KPI_CODE) + "...";
    }
}
