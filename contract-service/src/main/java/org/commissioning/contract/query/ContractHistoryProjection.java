package org.commissioning.contract.query;

import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractHistoryQuery;
import org.commissioning.platform.readmodel.ReadModelCollections;
import org.commissioning.platform.readmodel.RebuildableReadModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * Each contract's lifecycle, one entry per stored event ({@link HistoryDocument}), keyed by the event's id: a
 * replayed or redelivered event replaces its own entry and never adds a second one. A rebuildable read model
 * ({@link #READ_MODEL}): read and written through the collection {@code read_models} names for it.
 */
@Component
@ProcessingGroup(ContractHistoryProjection.PROCESSING_GROUP)
public class ContractHistoryProjection {

    public static final String PROCESSING_GROUP = "contract-history";
    /** The read model's name, and its collection until it is first rebuilt. */
    static final String COLLECTION = "contract_history";
    public static final String READ_MODEL = COLLECTION;

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;
    /** The collection a rebuild writes; null for the live handlers. */
    private final String rebuilding;

    @Autowired
    public ContractHistoryProjection(MongoTemplate mongo, ReadModelCollections collections) {
        this(mongo, collections, null);
    }

    /** A projection never rebuilt, on its own collection (tests). */
    public ContractHistoryProjection(MongoTemplate mongo) {
        this(mongo, new ReadModelCollections(mongo, java.time.Duration.ZERO), null);
    }

    private ContractHistoryProjection(MongoTemplate mongo, ReadModelCollections collections, String rebuilding) {
        this.mongo = mongo;
        this.collections = collections;
        this.rebuilding = rebuilding;
    }

    /** The histories as {@code POST /actuator/rebuild} rebuilds them: these handlers, writing the new collection. */
    public RebuildableReadModel readModel() {
        return new RebuildableReadModel(READ_MODEL, PROCESSING_GROUP, collection -> {
            ensureIndex(collection);
            return new ContractHistoryProjection(mongo, collections, collection);
        });
    }

    /** A contract's history is read by contract id in sequence order (the embedded server ignores the index). */
    @PostConstruct
    void ensureIndex() {
        if (rebuilding == null) {
            ensureIndex(collections.live(READ_MODEL));
        }
    }

    private void ensureIndex(String collection) {
        mongo.indexOps(collection).ensureIndex(new Index().on("contractId", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).named("contract_sequence"));
    }

    @EventHandler
    public void on(ContractEvent event, DomainEventMessage<?> message) {
        mongo.save(HistoryDocument.of(event, message), rebuilding != null ? rebuilding : collections.live(READ_MODEL));
    }

    @QueryHandler
    public List<ContractHistoryEntry> handle(ContractHistoryQuery query) {
        Query q = Query.query(Criteria.where("contractId").is(query.contractId())).with(Sort.by("sequence"));
        return mongo.find(q, HistoryDocument.class, collections.live(READ_MODEL)).stream().map(HistoryDocument::toEntry).toList();
    }
}
