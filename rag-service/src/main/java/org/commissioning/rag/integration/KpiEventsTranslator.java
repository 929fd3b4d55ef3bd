package org.commissioning.rag.integration;

import java.util.List;
import java.util.Optional;

import org.commissioning.events.kpi.v1.Band;
import org.commissioning.events.kpi.v1.KpiCorrected;
import org.commissioning.events.kpi.v1.KpiDefinition;
import org.commissioning.events.kpi.v1.KpiDiscrepancyFlagged;
import org.commissioning.events.kpi.v1.KpiDiscrepancyResolved;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.rag.api.BandSpec;
import org.commissioning.rag.api.FlagKpiDiscrepancyCommand;
import org.commissioning.rag.api.ResolveKpiDiscrepancyCommand;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiSpec;
import org.commissioning.rag.api.RateKpiValueCommand;
import org.commissioning.rag.api.Rating;

import java.time.YearMonth;

/** The published language of {@code kpi.events.v1}, translated into this service's commands. */
public final class KpiEventsTranslator {

    private KpiEventsTranslator() {
    }

    public static FrameworkVersion framework(int version, YearMonth effectiveFrom, List<KpiDefinition> kpis) {
        return new FrameworkVersion(version, effectiveFrom, kpis.stream().map(KpiEventsTranslator::kpi).toList());
    }

    /** District breakdowns are not rated: only a contract's total becomes a command. */
    public static Optional<RateKpiValueCommand> rate(KpiSubmitted e) {
        if (e.district() != null) {
            return Optional.empty();
        }
        return Optional.of(new RateKpiValueCommand(e.contractId(), e.period(), e.kpiCode(), e.value(), e.numerator(),
                e.denominator(), e.source(), e.frameworkVersion(), e.band(), false));
    }

    public static Optional<RateKpiValueCommand> rate(KpiCorrected e) {
        if (e.district() != null) {
            return Optional.empty();
        }
        return Optional.of(new RateKpiValueCommand(e.contractId(), e.period(), e.kpiCode(), e.value(), e.numerator(),
                e.denominator(), e.source(), e.frameworkVersion(), e.band(), true));
    }

    public static Optional<FlagKpiDiscrepancyCommand> flag(KpiDiscrepancyFlagged e) {
        return e.district() != null ? Optional.empty() : Optional.of(new FlagKpiDiscrepancyCommand(e.contractId(),
                e.period(), e.kpiCode(), e.providerValue(), e.councilValue()));
    }

    public static Optional<ResolveKpiDiscrepancyCommand> resolve(KpiDiscrepancyResolved e) {
        return e.district() != null ? Optional.empty() : Optional.of(new ResolveKpiDiscrepancyCommand(e.contractId(),
                e.period(), e.kpiCode(), e.note(), e.resolvedBy()));
    }

    private static KpiSpec kpi(KpiDefinition k) {
        return new KpiSpec(k.code(), k.name(), k.unit(), k.direction(), k.headline(),
                k.bands().stream().map(KpiEventsTranslator::band).toList());
    }

    private static BandSpec band(Band b) {
        return new BandSpec(Rating.valueOf(b.rating()), b.lower(), b.lowerInclusive(), b.upper(), b.upperInclusive());
    }
}
