package org.commissioning.kpi.integration;

import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.commissioning.events.kpi.v1.Band;
import org.commissioning.events.kpi.v1.KpiCorrected;
import org.commissioning.events.kpi.v1.KpiDefinition;
import org.commissioning.events.kpi.v1.KpiDiscrepancyFlagged;
import org.commissioning.events.kpi.v1.KpiDiscrepancyResolved;
import org.commissioning.events.kpi.v1.ReturnOverdue;
import org.commissioning.events.kpi.v1.KpiFrameworkDefined;
import org.commissioning.events.kpi.v1.KpiFrameworkRevised;
import org.commissioning.events.kpi.v1.KpiSubmitted;
import org.commissioning.kpi.api.CouncilKpiValueRecordedEvent;
import org.commissioning.kpi.api.KpiCorrectedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyFlaggedEvent;
import org.commissioning.kpi.api.KpiDiscrepancyResolvedEvent;
import org.commissioning.kpi.api.ReturnOverdueEvent;
import org.commissioning.kpi.api.KpiFrameworkDefinedEvent;
import org.commissioning.kpi.api.KpiFrameworkRevisedEvent;
import org.commissioning.kpi.api.KpiValueSubmittedEvent;
import org.commissioning.platform.relay.IntegrationEventTranslator;
import org.springframework.stereotype.Component;

/**
 * Stored KPI events, translated into the published language of {@code kpi.events.v1}; the subject is always the
 * contract. A return's values are stored one event each, so each is published as its own {@code KpiSubmitted};
 * the return's own event (period, narrative) is not published. The council's figures are published as
 * {@code KpiSubmitted} too, with source COUNCIL, so consumers see both sides of a triangulation.
 */
@Component
public class KpiEventTranslator implements IntegrationEventTranslator {

    /** Values in a provider's return. */
    static final String PROVIDER = "PROVIDER";
    /** Figures from the council's own systems, recorded to triangulate the provider's. */
    static final String COUNCIL = "COUNCIL";

    @Override
    public Optional<Outgoing> translate(EventMessage<?> stored) {
        Object payload = stored.getPayload();
        if (payload instanceof KpiFrameworkDefinedEvent e) {
            return Optional.of(new Outgoing(e.contractId(),
                    new KpiFrameworkDefined(e.contractId(), e.version(), e.effectiveFrom(), kpis(e.kpis()))));
        }
        if (payload instanceof KpiFrameworkRevisedEvent e) {
            return Optional.of(new Outgoing(e.contractId(),
                    new KpiFrameworkRevised(e.contractId(), e.version(), e.effectiveFrom(), kpis(e.kpis()))));
        }
        if (payload instanceof KpiValueSubmittedEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new KpiSubmitted(e.contractId(), e.period(), e.kpiCode(),
                    e.district(), e.value(), e.numerator(), e.denominator(), PROVIDER, e.frameworkVersion(),
                    e.band().name())));
        }
        if (payload instanceof KpiCorrectedEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new KpiCorrected(e.contractId(), e.period(), e.kpiCode(),
                    e.district(), e.value(), e.numerator(), e.denominator(), e.previousValue(),
                    e.previousNumerator(), e.previousDenominator(), PROVIDER, e.frameworkVersion(), e.band().name(),
                    e.reason(), e.correctedBy(), e.correctedAt())));
        }
        if (payload instanceof CouncilKpiValueRecordedEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new KpiSubmitted(e.contractId(), e.period(), e.kpiCode(),
                    e.district(), e.value(), e.numerator(), e.denominator(), COUNCIL, e.frameworkVersion(),
                    e.band().name())));
        }
        if (payload instanceof KpiDiscrepancyFlaggedEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new KpiDiscrepancyFlagged(e.contractId(), e.period(),
                    e.kpiCode(), e.district(), e.providerValue(), e.councilValue(), e.difference(), e.tolerance(),
                    e.frameworkVersion(), e.flaggedAt())));
        }
        if (payload instanceof KpiDiscrepancyResolvedEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new KpiDiscrepancyResolved(e.contractId(), e.period(),
                    e.kpiCode(), e.district(), e.providerValue(), e.councilValue(), e.note(), e.resolvedBy(),
                    e.resolvedAt())));
        }
        if (payload instanceof ReturnOverdueEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new ReturnOverdue(e.contractId(), e.period(),
                    e.dueDate(), e.detectedAt())));
        }
        return Optional.empty();
    }

    private static List<KpiDefinition> kpis(List<org.commissioning.kpi.api.KpiDefinition> kpis) {
        return kpis.stream().map(k -> new KpiDefinition(k.code(), k.name(), k.unit().name(), k.direction().name(),
                k.headline(), k.expectedSource().name(), k.bands().stream()
                .map(b -> new Band(b.rating().name(), b.lower(), b.lowerInclusive(), b.upper(), b.upperInclusive()))
                .toList())).toList();
    }
}
