package org.commissioning.contract.query;

import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractExpiredEvent;
import org.commissioning.contract.api.ContractExtendedEvent;
import org.commissioning.contract.api.ContractOfficersAssignedEvent;
import org.commissioning.contract.api.ContractRatingRecordedEvent;
import org.commissioning.contract.api.ContractRecommissionedEvent;
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ContractWarningIssuedEvent;
import org.commissioning.contract.api.EscalationDueEvent;
import org.commissioning.contract.api.MonitoringCadenceChangedEvent;
import org.commissioning.contract.api.MonitoringMeetingHeldEvent;
import org.commissioning.contract.api.MonitoringMeetingOverdueEvent;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PaymentWithheldEvent;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanStartedEvent;
import org.commissioning.contract.api.Rating;
import org.commissioning.contract.api.VariationRecommendedEvent;

/** What each stored event after the registration changes in a contract's summary document. */
final class SummaryChanges {

    private SummaryChanges() {
    }

    static void apply(ContractDocument doc, ContractEvent event) {
        if (event instanceof ContractVariedEvent e) {
            doc.annualValueGbp = e.annualValueGbp();
            doc.end = e.end();
            answered(doc, e);
        } else if (event instanceof ContractExtendedEvent e) {
            doc.end = e.end();
            doc.extensionUsed = true;
        } else if (event instanceof ContractOfficersAssignedEvent e) {
            doc.leadOfficer = e.leadOfficer();
            doc.contractManager = e.contractManager();
        } else if (event instanceof PlanStartedEvent e) {
            doc.openPlan = new ContractSummary.Plan(e.planNumber(), e.kind(), e.reason(), e.actions(), e.startedOn());
        } else if (event instanceof PlanClosedEvent) {
            doc.openPlan = null;
        } else if (event instanceof ContractWarningIssuedEvent e) {
            doc.warnings.add(new ContractSummary.Warning(e.warningNumber(), e.reasons(), e.issuedOn(),
                    e.responseDeadline()));
        } else if (event instanceof PaymentAuthorisedEvent e) {
            doc.payments.put(e.period().toString(), new ContractSummary.Payment(PaymentDecision.AUTHORISED,
                    e.rationale(), e.decidedOn(), e.supersedes(), e.supersedingReason()));
        } else if (event instanceof PaymentWithheldEvent e) {
            doc.payments.put(e.period().toString(), new ContractSummary.Payment(PaymentDecision.WITHHELD,
                    e.rationale(), e.decidedOn(), e.supersedes(), e.supersedingReason()));
        } else if (event instanceof ContractRatingRecordedEvent e) {
            rated(doc, e);
        } else if (event instanceof EscalationDueEvent e) {
            doc.escalation = new ContractSummary.Escalation(e.periods().stream().map(Object::toString).toList(),
                    e.threshold(), e.dueOn(), e.cause(), e.reason(), e.deepDiveYear());
        } else if (event instanceof VariationRecommendedEvent e) {
            doc.variationRecommendation = new ContractSummary.VariationRecommendation(e.programmeYear(), e.reason(),
                    e.recommendedOn(), ContractSummary.RecommendationStatus.PENDING, null);
        } else {
            ended(doc, event);
            monitored(doc, event);
        }
    }

    /** A variation recorded while a deep dive's recommendation is pending answers it. */
    private static void answered(ContractDocument doc, ContractVariedEvent variation) {
        ContractSummary.VariationRecommendation pending = doc.variationRecommendation;
        if (pending != null && pending.status() == ContractSummary.RecommendationStatus.PENDING) {
            doc.variationRecommendation = new ContractSummary.VariationRecommendation(pending.programmeYear(),
                    pending.reason(), pending.recommendedOn(), ContractSummary.RecommendationStatus.ANSWERED,
                    variation.effectiveDate());
        }
    }

    /** The rating of the latest rated period is the contract's rating; a late or revised older one is not. */
    private static void rated(ContractDocument doc, ContractRatingRecordedEvent event) {
        String period = event.period().toString();
        if (doc.ratedPeriod == null || period.compareTo(doc.ratedPeriod) >= 0) {
            doc.ratedPeriod = period;
            if (event.rating() != Rating.NOT_RATED) {
                doc.rag = event.rating();
            }
        }
    }

    /**
     * An ended contract (terminated, expired, recommissioned) is no longer monitored: it keeps its meetings on record
     * but has no cadence, no meeting due and nothing overdue.
     */
    private static void ended(ContractDocument doc, ContractEvent event) {
        if (event instanceof ContractTerminatedEvent e) {
            doc.status = ContractStatus.TERMINATED;
            doc.termination = new ContractSummary.Termination(e.initiatedBy(), e.effectiveDate(), e.reason());
        } else if (event instanceof ContractExpiredEvent e) {
            doc.status = ContractStatus.EXPIRED;
            doc.expiredOn = e.end();
        } else if (event instanceof ContractRecommissionedEvent e) {
            doc.status = ContractStatus.RECOMMISSIONED;
            doc.recommissioning = new ContractSummary.Recommissioning(e.route(), e.annualValueGbp(),
                    e.successorContractId(), e.reason());
        } else {
            return;
        }
        if (doc.monitoring != null) {
            doc.monitoring = new ContractSummary.Monitoring(null, null, null, null, null, doc.monitoring.meetingsHeld(),
                    doc.monitoring.lastMeeting());
        }
    }

    private static void monitored(ContractDocument doc, ContractEvent event) {
        ContractSummary.Monitoring m = doc.monitoring != null ? doc.monitoring
                : new ContractSummary.Monitoring(null, null, null, null, null, 0, null);
        if (event instanceof MonitoringCadenceChangedEvent e) {
            doc.rag = e.rating();
            doc.monitoring = new ContractSummary.Monitoring(e.rating(), e.cadence(), e.changedOn(),
                    e.nextMeetingDue(), null, m.meetingsHeld(), m.lastMeeting());
        } else if (event instanceof MonitoringMeetingHeldEvent e) {
            ContractSummary.Meeting meeting = new ContractSummary.Meeting(e.meetingNumber(), e.heldOn(),
                    e.attendees(), e.notes(), e.actions());
            ContractSummary.Meeting last = m.lastMeeting() == null || !m.lastMeeting().heldOn().isAfter(e.heldOn())
                    ? meeting : m.lastMeeting();
            doc.monitoring = new ContractSummary.Monitoring(m.rating(), m.cadence(), m.cadenceSince(),
                    e.nextMeetingDue(), null, e.meetingNumber(), last);
        } else if (event instanceof MonitoringMeetingOverdueEvent e) {
            doc.monitoring = new ContractSummary.Monitoring(m.rating(), m.cadence(), m.cadenceSince(),
                    m.nextMeetingDue(), e.dueDate(), m.meetingsHeld(), m.lastMeeting());
        }
    }
}
