package org.commissioning.contract.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.contract.api.ListContractsQuery;
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
@RequiredArgsConstructor
public class ContractSummaryProjection {

    public static final String PROCESSING_GROUP = "contract-summaries";
    static final String COLLECTION = "contract_summaries";

    private static final Logger log = LoggerFactory.getLogger(ContractSummaryProjection.class);

    private final MongoTemplate mongo;

    @EventHandler
    public void on(ContractRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ContractDocument existing = mongo.findById(event.contractId(), ContractDocument.class, COLLECTION);
        if (existing != null && existing.version >= sequence) {
            return;
        }
        mongo.save(ContractDocument.registered(event, sequence, at), COLLECTION);
    }

    /** Every later event changes the contract's document ({@link SummaryChanges}), once. */
    @EventHandler
    public void on(ContractEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at);
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
        isWhenGiven(q, "serviceArea", query.serviceArea());
        isWhenGiven(q, "areas", query.area());
        isWhenGiven(q, "districts", query.district());
        isWhenGiven(q, "status", query.status());
        isWhenGiven(q, "rag", query.rag());
        if (query.provider() != null) {
            q.addCriteria(Criteria.where("provider").regex("^" + Pattern.quote(query.provider()) + "$", "i"));
        }
        return mongo.find(q, ContractDocument.class, COLLECTION).stream().map(ContractDocument::toSummary).toList();
    }

    /** A filter given: the field must be the value; none: any. */
    private static void isWhenGiven(Query query, String field, Object value) {
        if (value != null) {
            query.addCriteria(Criteria.where(field).is(value));
        }
    }

    /**
     * Applies an event to a contract's document unless the event has been applied already. A document that is
     * missing (its registration not projected, which tracking in order rules out) is reported and left alone.
     */
    private void update(ContractEvent event, long sequence, Instant at) {
        ContractDocument doc = mongo.findById(event.contractId(), ContractDocument.class, COLLECTION);
        if (doc == null) {
            log.error("No summary of contract {} to apply event {} to; skipped", event.contractId(), sequence);
            return;
        }
        if (sequence <= doc.version) {
            return;
        }
        doc.apply(event, sequence, at);
        mongo.save(doc, COLLECTION);
    }
}
