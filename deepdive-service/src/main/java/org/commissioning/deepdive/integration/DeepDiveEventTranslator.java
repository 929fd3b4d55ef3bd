package org.commissioning.deepdive.integration;

import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.commissioning.deepdive.api.AreaGrade;
import org.commissioning.deepdive.api.DeepDiveAction;
import org.commissioning.deepdive.api.DeepDiveAreaGradedEvent;
import org.commissioning.deepdive.api.DeepDiveCancelledEvent;
import org.commissioning.deepdive.api.DeepDiveCompletedEvent;
import org.commissioning.deepdive.api.DeepDiveOverdueEvent;
import org.commissioning.deepdive.api.DeepDivePlannedEvent;
import org.commissioning.deepdive.api.DeepDiveScheduledEvent;
import org.commissioning.deepdive.api.DeepDiveStartedEvent;
import org.commissioning.deepdive.api.Grade;
import org.commissioning.deepdive.api.VariationRecommendedEvent;
import org.commissioning.events.deepdives.v1.DeepDiveAreaGraded;
import org.commissioning.events.deepdives.v1.DeepDiveCancelled;
import org.commissioning.events.deepdives.v1.DeepDiveCompleted;
import org.commissioning.events.deepdives.v1.DeepDiveOverdue;
import org.commissioning.events.deepdives.v1.DeepDivePlanned;
import org.commissioning.events.deepdives.v1.DeepDiveScheduled;
import org.commissioning.events.deepdives.v1.DeepDiveStarted;
import org.commissioning.events.deepdives.v1.VariationRecommended;
import org.commissioning.platform.relay.IntegrationEventTranslator;
import org.springframework.stereotype.Component;

/**
 * Stored deep-dive events, translated into the published language of {@code deepdives.events.v1}; the subject is
 * always the contract, so a contract's deep dives of every year share one sequence. The evidence and findings of an
 * area, and the opening of a programme year, stay here.
 */
@Component
public class DeepDiveEventTranslator implements IntegrationEventTranslator {

    @Override
    public Optional<Outgoing> translate(EventMessage<?> stored) {
        Object payload = stored.getPayload();
        if (payload instanceof DeepDivePlannedEvent e) {
            return out(e.contractId(), new DeepDivePlanned(e.contractId(), e.programmeYear(), e.dueDate(),
                    e.provider(), e.districts()));
        }
        if (payload instanceof DeepDiveScheduledEvent e) {
            return out(e.contractId(), new DeepDiveScheduled(e.contractId(), e.programmeYear(), e.date(),
                    e.leadOfficer(), e.previousDate() != null, e.reason()));
        }
        if (payload instanceof DeepDiveStartedEvent e) {
            return out(e.contractId(), new DeepDiveStarted(e.contractId(), e.programmeYear(), e.startedOn(),
                    e.leadOfficer()));
        }
        if (payload instanceof DeepDiveAreaGradedEvent e) {
            return out(e.contractId(), new DeepDiveAreaGraded(e.contractId(), e.programmeYear(), e.area().number(),
                    e.area().name(), e.grade().name()));
        }
        if (payload instanceof DeepDiveCompletedEvent e) {
            return out(e.contractId(), completed(e));
        }
        if (payload instanceof VariationRecommendedEvent e) {
            return out(e.contractId(), new VariationRecommended(e.contractId(), e.programmeYear(), e.reason()));
        }
        if (payload instanceof DeepDiveOverdueEvent e) {
            return out(e.contractId(), new DeepDiveOverdue(e.contractId(), e.programmeYear(), e.dueDate()));
        }
        if (payload instanceof DeepDiveCancelledEvent e) {
            return out(e.contractId(), new DeepDiveCancelled(e.contractId(), e.programmeYear(), e.reason()));
        }
        return Optional.empty();
    }

    private static DeepDiveCompleted completed(DeepDiveCompletedEvent e) {
        List<org.commissioning.events.deepdives.v1.AreaGrade> areas = e.areas().stream()
                .map((AreaGrade a) -> new org.commissioning.events.deepdives.v1.AreaGrade(a.area().number(),
                        a.area().name(), a.grade().name())).toList();
        List<org.commissioning.events.deepdives.v1.DeepDiveAction> actions = e.actions().stream()
                .map((DeepDiveAction a) -> new org.commissioning.events.deepdives.v1.DeepDiveAction(a.description(),
                        a.owner(), a.dueDate())).toList();
        return new DeepDiveCompleted(e.contractId(), e.programmeYear(), e.completedOn(), name(e.overallGrade()),
                name(e.suggestedGrade()), e.rationale(), areas, e.strengths(), e.areasForImprovement(), actions,
                e.variationReason() != null, e.historic(), e.sourceReference());
    }

    private static String name(Grade grade) {
        return grade == null ? null : grade.name();
    }

    private static Optional<Outgoing> out(String contractId, Object payload) {
        return Optional.of(new Outgoing(contractId, payload));
    }
}
