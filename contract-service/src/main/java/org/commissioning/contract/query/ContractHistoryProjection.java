package org.commissioning.contract.query;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.contract.api.ContractEvent;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractHistoryQuery;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * Each contract's lifecycle, one entry per stored event ({@link HistoryDocument}), keyed by the event's id: a
 * replayed or redelivered event replaces its own entry and never adds a second one.
 */
@Component
@ProcessingGroup(ContractHistoryProjection.PROCESSING_GROUP)
@RequiredArgsConstructor
public class ContractHistoryProjection {

    public static final String PROCESSING_GROUP = "contract-history";
    static final String COLLECTION = "contract_history";

    private final MongoTemplate mongo;

    /** A contract's history is read by contract id in sequence order (the embedded server ignores the index). */
    @PostConstruct
    void ensureIndex() {
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("contractId", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).named("contract_sequence"));
    }

    @EventHandler
    public void on(ContractEvent event, DomainEventMessage<?> message) {
        mongo.save(HistoryDocument.of(event, message), COLLECTION);
    }

    @QueryHandler
    public List<ContractHistoryEntry> handle(ContractHistoryQuery query) {
        Query q = Query.query(Criteria.where("contractId").is(query.contractId())).with(Sort.by("sequence"));
        return mongo.find(q, HistoryDocument.class, COLLECTION).stream().map(HistoryDocument::toEntry).toList();
    }
}
