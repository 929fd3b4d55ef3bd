package org.commissioning.contract.integration;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractOfficersAssignedEvent;
import org.commissioning.contract.api.ContractRatingRecordedEvent;
import org.commissioning.contract.api.ContractRecommissionedEvent;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.MonitoringCadenceChangedEvent;
import org.commissioning.contract.api.MonitoringMeetingHeldEvent;
import org.commissioning.contract.api.MonitoringMeetingOverdueEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ContractWarningIssuedEvent;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PaymentWithheldEvent;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanStartedEvent;
import org.commissioning.contract.api.VariationRecommendedEvent;
import org.commissioning.events.contracts.v1.ContractExpired;
import org.commissioning.events.contracts.v1.ContractExtended;
import org.commissioning.events.contracts.v1.ContractOfficersAssigned;
import org.commissioning.events.contracts.v1.ContractRecommissioned;
import org.commissioning.events.contracts.v1.ContractRegistered;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.ContractVaried;
import org.commissioning.events.contracts.v1.ContractWarningIssued;
import org.commissioning.events.contracts.v1.EscalationDue;
import org.commissioning.events.contracts.v1.Lot;
import org.commissioning.events.contracts.v1.MonitoringCadenceChanged;
import org.commissioning.events.contracts.v1.MonitoringMeetingHeld;
import org.commissioning.events.contracts.v1.MonitoringMeetingOverdue;
import org.commissioning.events.contracts.v1.PaymentAuthorised;
import org.commissioning.events.contracts.v1.PaymentWithheld;
import org.commissioning.events.contracts.v1.PlanAction;
import org.commissioning.events.contracts.v1.PlanClosed;
import org.commissioning.events.contracts.v1.PlanStarted;
import org.commissioning.platform.relay.IntegrationEventTranslator;
import org.springframework.stereotype.Component;

/**
 * Stored contract events, translated into the published language of {@code contracts.events.v1}. Every stored
 * event of the Contract aggregate is published except {@link ContractRatingRecordedEvent}, the rating this
 * service learnt from ratings' own {@code ContractRated}, and {@link VariationRecommendedEvent}, learnt from deep
 * dives' own {@code VariationRecommended} (publishing them again would duplicate those contexts' language); the relay numbers a contract's published events itself, so the unpublished one leaves no gap.
 */
@Component
public class ContractEventTranslator implements IntegrationEventTranslator {

    @Override
    public Optional<Outgoing> translate(EventMessage<?> stored) {
        if (!(stored.getPayload() instanceof ContractEvent event) || event instanceof ContractRatingRecordedEvent
                || event instanceof VariationRecommendedEvent) {
            return Optional.empty();
        }
        return Optional.of(new Outgoing(event.contractId(), published(event)));
    }

    static Object published(ContractEvent event) {
        if (event instanceof ContractRegisteredEvent e) {
            return new ContractRegistered(e.contractId(), e.provider(), e.serviceArea().name(),
                    new Lot(e.lot().scope().name(), e.lot().coveredAreas(), e.lot().coveredDistricts()),
                    e.annualValueGbp(), e.start(), e.end());
        }
        if (event instanceof ContractVariedEvent e) {
            return new ContractVaried(e.contractId(), e.annualValueGbp(), e.end(), e.previousAnnualValueGbp(),
                    e.previousEnd(), e.effectiveDate(), e.reason());
        }
        if (event instanceof ContractExtendedEvent e) {
            return new ContractExtended(e.contractId(), e.end(), e.previousEnd(), e.reason());
        }
        if (event instanceof ContractOfficersAssignedEvent e) {
            return new ContractOfficersAssigned(e.contractId(), e.leadOfficer(), e.contractManager());
        }
        if (event instanceof PlanStartedEvent e) {
            return new PlanStarted(e.contractId(), e.planNumber(), e.kind().name(), e.reason(),
                    e.actions().stream().map(a -> new PlanAction(a.description(), a.owner(), a.dueDate())).toList(),
                    e.startedOn());
        }
        if (event instanceof PlanClosedEvent e) {
            return new PlanClosed(e.contractId(), e.planNumber(), e.kind().name(), e.outcome(), e.closedOn());
        }
        if (event instanceof ContractWarningIssuedEvent e) {
            return new ContractWarningIssued(e.contractId(), e.warningNumber(), e.reasons(), e.issuedOn(),
                    e.responseDeadline());
        }
        if (event instanceof ContractTerminatedEvent e) {
            return new ContractTerminated(e.contractId(), e.initiatedBy().name(), e.effectiveDate(), e.reason());
        }
        if (event instanceof ContractExpiredEvent e) {
            return new ContractExpired(e.contractId(), e.end());
        }
        if (event instanceof ContractRecommissionedEvent e) {
            return new ContractRecommissioned(e.contractId(), e.route().name(), e.annualValueGbp(),
                    e.successorContractId(), e.reason());
        }
        if (event instanceof PaymentAuthorisedEvent e) {
            return new PaymentAuthorised(e.contractId(), e.period(), e.rationale(), e.decidedOn(), name(e.supersedes()),
                    e.supersedingReason());
        }
        if (event instanceof PaymentWithheldEvent e) {
            return new PaymentWithheld(e.contractId(), e.period(), e.rationale(), e.decidedOn(), name(e.supersedes()),
                    e.supersedingReason());
        }
        if (event instanceof MonitoringCadenceChangedEvent e) {
            return new MonitoringCadenceChanged(e.contractId(), e.rating().name(), e.cadence().name(),
                    e.previousCadence() == null ? null : e.previousCadence().name(), e.period(), e.changedOn(),
                    e.nextMeetingDue());
        }
        if (event instanceof MonitoringMeetingHeldEvent e) {
            return new MonitoringMeetingHeld(e.contractId(), e.meetingNumber(), e.heldOn(), e.attendees(), e.notes(),
                    e.actions().stream().map(a -> new PlanAction(a.description(), a.owner(), a.dueDate())).toList(),
                    e.nextMeetingDue());
        }
        if (event instanceof MonitoringMeetingOverdueEvent e) {
            return new MonitoringMeetingOverdue(e.contractId(), e.dueDate(),
                    e.cadence() == null ? null : e.cadence().name(), e.lastMeetingHeldOn(), e.flaggedOn());
        }
        if (event instanceof EscalationDueEvent e) {
            return new EscalationDue(e.contractId(), e.periods(), e.threshold(), e.dueOn(), e.cause().name(), e.reason(),
                    e.deepDiveYear());
        }
        throw new IllegalArgumentException("No published form of " + event.getClass().getName());
    }

    private static String name(PaymentDecision decision) {
        return decision == null ? null : decision.name();
    }
}
