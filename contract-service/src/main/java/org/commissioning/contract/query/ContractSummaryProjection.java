package org.commissioning.contract.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.contract.api.Rating;
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
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.ContractTerminatedEvent;
import org.commissioning.contract.api.ContractVariedEvent;
import org.commissioning.contract.api.ContractWarningIssuedEvent;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.contract.api.ListContractsQuery;
import org.commissioning.contract.api.PaymentAuthorisedEvent;
import org.commissioning.contract.api.PaymentDecision;
import org.commissioning.contract.api.PaymentWithheldEvent;
import org.commissioning.contract.api.PlanClosedEvent;
import org.commissioning.contract.api.PlanStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The officers' view of each contract, its whole current state in one document keyed by the contract id.
 * <p>
 * Idempotent: the document records the sequence number of the last event applied ({@code version}); an event
 * whose sequence is not above it has been applied already (a replay or a redelivery) and is skipped, so a
 * replay neither duplicates anything nor rolls a later state back. Writes are whole-document upserts.
 */
@Component
@ProcessingGroup(ContractSummaryProjection.PROCESSING_GROUP)
public class ContractSummaryProjection {

    public static final String PROCESSING_GROUP = "contract-summaries";
    static final String COLLECTION = "contract_summaries";

    private static final Logger log = LoggerFactory.getLogger(ContractSummaryProjection.class);

    private final MongoTemplate mongo;

    public ContractSummaryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    public void on(ContractRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ContractDocument existing = mongo.findById(event.contractId(), ContractDocument.class, COLLECTION);
        if (existing != null && existing.version >= sequence) {
            return;
        }
        ContractDocument doc = new ContractDocument();
        doc.id = event.contractId();
        doc.provider = event.provider();
        doc.serviceArea = event.serviceArea();
        doc.lot = event.lot();
        doc.areas = event.lot().coveredAreas();
        doc.districts = event.lot().coveredDistricts();
        doc.annualValueGbp = event.annualValueGbp();
        doc.start = event.start();
        doc.end = event.end();
        doc.extensionMonths = event.extensionMonths() == null ? 0 : event.extensionMonths();
        doc.status = ContractStatus.ACTIVE;
        doc.version = sequence;
        doc.registeredAt = at;
        doc.updatedAt = at;
        mongo.save(doc, COLLECTION);
    }

    @EventHandler
    public void on(ContractVariedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> {
            doc.annualValueGbp = event.annualValueGbp();
            doc.end = event.end();
        });
    }

    @EventHandler
    public void on(ContractExtendedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> {
            doc.end = event.end();
            doc.extensionUsed = true;
        });
    }

    @EventHandler
    public void on(ContractOfficersAssignedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> {
            doc.leadOfficer = event.leadOfficer();
            doc.contractManager = event.contractManager();
        });
    }

    @EventHandler
    public void on(PlanStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> doc.openPlan = new ContractSummary.Plan(
                event.planNumber(), event.kind(), event.reason(), event.actions(), event.startedOn()));
    }

    @EventHandler
    public void on(PlanClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> doc.openPlan = null);
    }

    @EventHandler
    public void on(ContractWarningIssuedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> doc.warnings.add(new ContractSummary.Warning(
                event.warningNumber(), event.reasons(), event.issuedOn(), event.responseDeadline())));
    }

    @EventHandler
    public void on(ContractTerminatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> {
            doc.status = ContractStatus.TERMINATED;
            doc.termination = new ContractSummary.Termination(event.initiatedBy(), event.effectiveDate(), event.reason());
            endMonitoring(doc);
        });
    }

    @EventHandler
    public void on(ContractExpiredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> {
            doc.status = ContractStatus.EXPIRED;
            doc.expiredOn = event.end();
            endMonitoring(doc);
        });
    }

    @EventHandler
    public void on(ContractRecommissionedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> {
            doc.status = ContractStatus.RECOMMISSIONED;
            doc.recommissioning = new ContractSummary.Recommissioning(event.route(), event.annualValueGbp(),
                    event.successorContractId(), event.reason());
            endMonitoring(doc);
        });
    }

    @EventHandler
    public void on(PaymentAuthorisedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> doc.payments.put(event.period().toString(),
                new ContractSummary.Payment(PaymentDecision.AUTHORISED, event.rationale(), event.decidedOn(),
                        event.supersedes(), event.supersedingReason())));
    }

    @EventHandler
    public void on(PaymentWithheldEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> doc.payments.put(event.period().toString(),
                new ContractSummary.Payment(PaymentDecision.WITHHELD, event.rationale(), event.decidedOn(),
                        event.supersedes(), event.supersedingReason())));
    }

    @EventHandler
    public void on(MonitoringCadenceChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> {
            ContractSummary.Monitoring m = monitoring(doc);
            doc.rag = event.rating();
            doc.monitoring = new ContractSummary.Monitoring(event.rating(), event.cadence(), event.changedOn(),
                    event.nextMeetingDue(), null, m.meetingsHeld(), m.lastMeeting());
        });
    }

    @EventHandler
    public void on(MonitoringMeetingHeldEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> {
            ContractSummary.Monitoring m = monitoring(doc);
            ContractSummary.Meeting meeting = new ContractSummary.Meeting(event.meetingNumber(), event.heldOn(),
                    event.attendees(), event.notes(), event.actions());
            ContractSummary.Meeting last = m.lastMeeting() == null || !m.lastMeeting().heldOn().isAfter(event.heldOn())
                    ? meeting : m.lastMeeting();
            doc.monitoring = new ContractSummary.Monitoring(m.rating(), m.cadence(), m.cadenceSince(),
                    event.nextMeetingDue(), null, event.meetingNumber(), last);
        });
    }

    @EventHandler
    public void on(MonitoringMeetingOverdueEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> {
            ContractSummary.Monitoring m = monitoring(doc);
            doc.monitoring = new ContractSummary.Monitoring(m.rating(), m.cadence(), m.cadenceSince(),
                    m.nextMeetingDue(), event.dueDate(), m.meetingsHeld(), m.lastMeeting());
        });
    }

    /** The rating of the latest rated period is the contract's rating; a late or revised older one is not. */
    @EventHandler
    public void on(ContractRatingRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> {
            String period = event.period().toString();
            if (doc.ratedPeriod == null || period.compareTo(doc.ratedPeriod) >= 0) {
                doc.ratedPeriod = period;
                if (event.rating() != Rating.NOT_RATED) {
                    doc.rag = event.rating();
                }
            }
        });
    }

    @EventHandler
    public void on(EscalationDueEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.contractId(), sequence, at, doc -> doc.escalation = new ContractSummary.Escalation(
                event.periods().stream().map(Object::toString).toList(), event.threshold(), event.dueOn()));
    }

    /**
     * An ended contract (terminated, expired, recommissioned) is no longer monitored: it keeps its meetings on record
     * but has no cadence, no meeting due and nothing overdue.
     */
    private static void endMonitoring(ContractDocument doc) {
        if (doc.monitoring != null) {
            doc.monitoring = new ContractSummary.Monitoring(null, null, null, null, null, doc.monitoring.meetingsHeld(),
                    doc.monitoring.lastMeeting());
        }
    }

    private static ContractSummary.Monitoring monitoring(ContractDocument doc) {
        return doc.monitoring != null ? doc.monitoring
                : new ContractSummary.Monitoring(null, null, null, null, null, 0, null);
    }

    /** Active contracts whose end date has come (on or before {@code today}). */
    public List<String> dueToExpire(java.time.LocalDate today) {
        Query q = Query.query(Criteria.where("status").is(ContractStatus.ACTIVE).and("end").lte(today));
        return mongo.find(q, ContractDocument.class, COLLECTION).stream()
                .filter(d -> d.end != null && !d.end.isAfter(today))
                .map(d -> d.id)
                .toList();
    }

    /**
     * The active contracts whose next monitoring meeting was due before {@code today} and has not been flagged as
     * overdue: the work of the overdue scan. An ended contract is never one of them.
     */
    public List<String> withMeetingOverdue(java.time.LocalDate today) {
        Query q = Query.query(Criteria.where("status").is(ContractStatus.ACTIVE)
                .and("monitoring.nextMeetingDue").lt(today));
        return mongo.find(q, ContractDocument.class, COLLECTION).stream()
                .filter(d -> d.status == ContractStatus.ACTIVE && d.monitoring != null
                        && d.monitoring.nextMeetingDue() != null
                        && d.monitoring.nextMeetingDue().isBefore(today)
                        && !d.monitoring.nextMeetingDue().equals(d.monitoring.overdueDueDate()))
                .map(d -> d.id)
                .toList();
    }

    @QueryHandler
    public Optional<ContractSummary> handle(FindContractQuery query) {
        return Optional.ofNullable(mongo.findById(query.contractId(), ContractDocument.class, COLLECTION))
                .map(ContractDocument::toSummary);
    }

    @QueryHandler
    public List<ContractSummary> handle(ListContractsQuery query) {
        Query q = new Query().with(Sort.by("serviceArea", "provider", "id"));
        if (query.serviceArea() != null) {
            q.addCriteria(Criteria.where("serviceArea").is(query.serviceArea()));
        }
        if (query.area() != null) {
            q.addCriteria(Criteria.where("areas").is(query.area()));
        }
        if (query.district() != null) {
            q.addCriteria(Criteria.where("districts").is(query.district()));
        }
        if (query.status() != null) {
            q.addCriteria(Criteria.where("status").is(query.status()));
        }
        if (query.provider() != null) {
            q.addCriteria(Criteria.where("provider").regex("^" + Pattern.quote(query.provider()) + "$", "i"));
        }
        if (query.rag() != null) {
            q.addCriteria(Criteria.where("rag").is(query.rag()));
        }
        return mongo.find(q, ContractDocument.class, COLLECTION).stream().map(ContractDocument::toSummary).toList();
    }

    /**
     * Applies a change to a contract's document unless the event has been applied already. A document that is
     * missing (its registration not projected, which tracking in order rules out) is reported and left alone.
     */
    private void update(String contractId, long sequence, Instant at, Consumer<ContractDocument> change) {
        ContractDocument doc = mongo.findById(contractId, ContractDocument.class, COLLECTION);
        if (doc == null) {
            log.error("No summary of contract {} to apply event {} to; skipped", contractId, sequence);
            return;
        }
        if (sequence <= doc.version) {
            return;
        }
        change.accept(doc);
        doc.version = sequence;
        doc.updatedAt = at;
        mongo.save(doc, COLLECTION);
    }
}
