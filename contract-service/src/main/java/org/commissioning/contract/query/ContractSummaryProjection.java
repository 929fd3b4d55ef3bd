package org.commissioning.contract.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
import org.commissioning.platform.readmodel.ReadModelCollections;
import org.commissioning.platform.readmodel.RebuildableReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 * replay neither duplicates anything nor rolls a later state back. Writes are whole-document upserts. A rebuildable
 * read model ({@link #READ_MODEL}): read and written through the collection {@code read_models} names for it.
 */
@Component
@ProcessingGroup(ContractSummaryProjection.PROCESSING_GROUP)
public class ContractSummaryProjection {

    public static final String PROCESSING_GROUP = "contract-summaries";
    /** The read model's name, and its collection until it is first rebuilt. */
    static final String COLLECTION = "contract_summaries";
    public static final String READ_MODEL = COLLECTION;

    private static final Logger log = LoggerFactory.getLogger(ContractSummaryProjection.class);

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;
    /** The collection a rebuild writes; null for the live handlers. */
    private final String rebuilding;

    @Autowired
    public ContractSummaryProjection(MongoTemplate mongo, ReadModelCollections collections) {
        this(mongo, collections, null);
    }

    /** A projection never rebuilt, on its own collection (tests). */
    public ContractSummaryProjection(MongoTemplate mongo) {
        this(mongo, new ReadModelCollections(mongo, java.time.Duration.ZERO), null);
    }

    private ContractSummaryProjection(MongoTemplate mongo, ReadModelCollections collections, String rebuilding) {
        this.mongo = mongo;
        this.collections = collections;
        this.rebuilding = rebuilding;
    }

    /** The summaries as {@code POST /actuator/rebuild} rebuilds them: these handlers, writing the new collection. */
    public RebuildableReadModel readModel() {
        return new RebuildableReadModel(READ_MODEL, PROCESSING_GROUP,
                collection -> new ContractSummaryProjection(mongo, collections, collection));
    }

    /** The collection the handlers write: the rebuild's, or the live one. */
    private String written() {
        return rebuilding != null ? rebuilding : collections.live(READ_MODEL);
    }

    /** The collection reads are served from. */
    private String live() {
        return collections.live(READ_MODEL);
    }

    @EventHandler
    public void on(ContractRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String collection = written();
        ContractDocument existing = mongo.findById(event.contractId(), ContractDocument.class, collection);
        if (existing != null && existing.version >= sequence) {
            return;
        }
        mongo.save(ContractDocument.registered(event, sequence, at), collection);
    }

    /** Every later event changes the contract's document ({@link SummaryChanges}), once. */
    @EventHandler
    public void on(ContractEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at);
    }

    /** Active contracts whose end date has come (on or before {@code today}). */
    public List<String> dueToExpire(java.time.LocalDate today) {
        Query q = Query.query(Criteria.where("status").is(ContractStatus.ACTIVE).and("end").lte(today));
        return mongo.find(q, ContractDocument.class, live()).stream()
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
        return mongo.find(q, ContractDocument.class, live()).stream()
                .filter(d -> d.status == ContractStatus.ACTIVE && d.monitoring != null
                        && d.monitoring.nextMeetingDue() != null
                        && d.monitoring.nextMeetingDue().isBefore(today)
                        && !d.monitoring.nextMeetingDue().equals(d.monitoring.overdueDueDate()))
                .map(d -> d.id)
                .toList();
    }

    @QueryHandler
    public Optional<ContractSummary> handle(FindContractQuery query) {
        return Optional.ofNullable(mongo.findById(query.contractId(), ContractDocument.class, live()))
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
        return mongo.find(q, ContractDocument.class, live()).stream().map(ContractDocument::toSummary).toList();
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
        String collection = written();
        ContractDocument doc = mongo.findById(event.contractId(), ContractDocument.class, collection);
        if (doc == null) {
            log.error("No summary of contract {} to apply event {} to; skipped", event.contractId(), sequence);
            return;
        }
        if (sequence <= doc.version) {
            return;
        }
        doc.apply(event, sequence, at);
        mongo.save(doc, collection);
    }
}
