package org.commissioning.contract.application;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.platform.domain.NotFoundException;
import org.springframework.stereotype.Service;

/** A contract's current state, with its version; an unknown contract is not found. */
@Service
public class FindContract {

    private final QueryGateway queries;

    public FindContract(QueryGateway queries) {
        this.queries = queries;
    }

    public ContractSummary find(FindContractQuery query) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(ContractSummary.class)).join()
                .orElseThrow(() -> new NotFoundException("No contract " + query.contractId()));
    }
}
