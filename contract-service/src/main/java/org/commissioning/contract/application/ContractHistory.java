package org.commissioning.contract.application;

import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractHistoryQuery;
import org.commissioning.platform.domain.NotFoundException;
import org.springframework.stereotype.Service;

/** A contract's lifecycle in order, one entry per stored event; an unknown contract (no history) is not found. */
@Service
public class ContractHistory {

    private final QueryGateway queries;

    public ContractHistory(QueryGateway queries) {
        this.queries = queries;
    }

    public List<ContractHistoryEntry> history(ContractHistoryQuery query) {
        List<ContractHistoryEntry> history = queries.query(query,
                ResponseTypes.multipleInstancesOf(ContractHistoryEntry.class)).join();
        if (history.isEmpty()) {
            throw new NotFoundException("No contract " + query.contractId());
        }
        return history;
    }
}
