package org.commissioning.contract.query;

import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.contract.api.ContractRegisteredEvent;
import org.commissioning.contract.api.ContractStatus;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.contract.api.ListContractsQuery;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The officers' view of each contract. Writes are whole-document upserts, so replaying an event changes nothing. */
@Component
@ProcessingGroup("contract-summaries")
public class ContractSummaryProjection {

    static final String COLLECTION = "contract_summaries";

    private final MongoTemplate mongo;

    public ContractSummaryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    public void on(ContractRegisteredEvent event, @SequenceNumber long sequence, @Timestamp java.time.Instant at) {
        mongo.save(new ContractSummary(event.contractId(), event.provider(), event.serviceArea(), event.lot(),
                event.lot().coveredAreas(), event.lot().coveredDistricts(), event.annualValueGbp(),
                event.start(), event.end(), ContractStatus.ACTIVE, sequence, at), COLLECTION);
    }

    @QueryHandler
    public Optional<ContractSummary> handle(FindContractQuery query) {
        return Optional.ofNullable(mongo.findById(query.contractId(), ContractSummary.class, COLLECTION));
    }

    @QueryHandler
    public List<ContractSummary> handle(ListContractsQuery query) {
        Query q = new Query().with(Sort.by("serviceArea", "provider", "id"));
        if (query.serviceArea() != null) {
            q.addCriteria(Criteria.where("serviceArea").is(query.serviceArea()));
        }
        return mongo.find(q, ContractSummary.class, COLLECTION);
    }
}
