package org.commissioning.rag.command;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.commissioning.rag.api.BandSpec;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.Rating;

/** Band tables of the tests. */
final class Bands {

    /**
     * 004's triage KPI with its printed bands made unambiguous: Red [0,85), Amber [85,90), Green [90,95],
     * Stretch (95,100].
     */
    static final List<BandSpec> TRIAGE = List.of(
            new BandSpec(Rating.RED, new BigDecimal("0"), true, new BigDecimal("85"), false),
            new BandSpec(Rating.AMBER, new BigDecimal("85"), true, new BigDecimal("90"), false),
            new BandSpec(Rating.GREEN, new BigDecimal("90"), true, new BigDecimal("95"), true),
            new BandSpec(Rating.STRETCH, new BigDecimal("95"), false, new BigDecimal("100"), true));

    static final String TRIAGE_CODE = "CALLS-TRIAGED-24H";
    static final String CRISIS_CODE = "CRISIS-TREATED-4H";
    static final String REACH_CODE = "UNDER-FIVES-REACHED";

    static KpiSpec kpi(String code, boolean headline) {
        return new KpiSpec(code, code.toLowerCase(), "PERCENT", "HIGHER_IS_BETTER", headline, TRIAGE);
    }

    /** Two headline KPIs (triage, crisis) and one that is not (reach). */
    static FrameworkVersion framework(int version, YearMonth from) {
        return new FrameworkVersion(version, from, List.of(kpi(TRIAGE_CODE, true), kpi(CRISIS_CODE, true),
                kpi(REACH_CODE, false)));
    }

    private Bands() {
    }
}
