package org.commissioning.rag.integration;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.commissioning.events.ratings.v1.ContractRated;
import org.commissioning.events.ratings.v1.KpiNoticeRating;
import org.commissioning.events.ratings.v1.KpiRated;
import org.commissioning.events.ratings.v1.PerformanceNoticeConfirmed;
import org.commissioning.events.ratings.v1.PerformanceNoticeOverdue;
import org.commissioning.events.ratings.v1.KpiTrend;
import org.commissioning.events.ratings.v1.TrajectoryAssessed;
import org.commissioning.events.ratings.v1.RagChanged;
import org.commissioning.events.ratings.v1.RagOverridden;
import org.commissioning.platform.relay.IntegrationEventTranslator;
import org.commissioning.rag.api.ContractRatedEvent;
import org.commissioning.rag.api.KpiRatedEvent;
import org.commissioning.rag.api.PerformanceNoticeConfirmedEvent;
import org.commissioning.rag.api.PerformanceNoticeOverdueEvent;
import org.commissioning.rag.api.RagChangedEvent;
import org.commissioning.rag.api.RagOverriddenEvent;
import org.commissioning.rag.api.Rating;
import org.commissioning.rag.api.TrajectoryAssessedEvent;
import org.springframework.stereotype.Component;

/**
 * Stored rating events, translated into the published language of {@code ratings.events.v1}; the subject is
 * always the contract. The framework versions this service keeps are its own business and not published, and so are
 * draft performance notices: a notice is published once confirmed, or once overdue.
 */
@Component
public class RatingEventTranslator implements IntegrationEventTranslator {

    @Override
    public Optional<Outgoing> translate(EventMessage<?> stored) {
        Object payload = stored.getPayload();
        if (payload instanceof KpiRatedEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new KpiRated(e.contractId(), e.period(), e.kpiCode(),
                    e.value(), e.numerator(), e.denominator(), e.source(), e.frameworkVersion(), e.band().name(),
                    e.reportedBand(), e.headline(), e.correction())));
        }
        if (payload instanceof ContractRatedEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new ContractRated(e.contractId(), e.period(),
                    e.rating().name(), e.computedRating().name(), e.basis().name(), e.provisional(),
                    e.policyVersion())));
        }
        if (payload instanceof RagChangedEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new RagChanged(e.contractId(), name(e.from()),
                    e.to().name(), e.period(), e.basis().name(), e.rationale())));
        }
        if (payload instanceof RagOverriddenEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new RagOverridden(e.contractId(), e.period(),
                    e.computedRating().name(), e.rating().name(), name(e.previousRating()), e.rationale(),
                    e.officer(), e.policyVersion())));
        }
        if (payload instanceof TrajectoryAssessedEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new TrajectoryAssessed(e.contractId(), e.period(),
                    e.horizonMonths(), e.currentRating().name(), e.projectedRating().name(), e.trend().name(),
                    e.basis().name(), e.method(), e.statement(), e.assessedBy(), e.projections().stream()
                    .map(p -> new KpiTrend(p.kpiCode(), p.months().size(), p.slopePerMonth(), p.fittedValue(),
                            p.fittedBand().name(), p.projectedValue(),
                            p.currentBand().name(), p.projectedBand().name())).toList())));
        }
        if (payload instanceof PerformanceNoticeOverdueEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new PerformanceNoticeOverdue(e.contractId(), e.yearFrom(),
                    e.yearTo(), e.dueBy(), e.trigger().name())));
        }
        if (payload instanceof PerformanceNoticeConfirmedEvent e) {
            return Optional.of(new Outgoing(e.contractId(), new PerformanceNoticeConfirmed(e.contractId(),
                    e.yearFrom(), e.yearTo(), e.overall().name(), e.kpis().stream()
                    .map(k -> new KpiNoticeRating(k.kpiCode(), k.confirmed().name())).toList(), e.amended(),
                    e.rationale(), e.officer(), e.policyVersion())));
        }
        return Optional.empty();
    }

    private static String name(Rating rating) {
        return rating == null ? null : rating.name();
    }
}
