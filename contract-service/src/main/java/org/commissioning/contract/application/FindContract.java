package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.platform.domain.NotFoundException;
import org.springframework.stereotype.Service;

/** A contract's current state, with its version; an unknown contract is not found. */
@Service
@RequiredArgsConstructor
public class FindContract {

    private final ContractQueries queries;

    public ContractSummary find(FindContractQuery query) {
        return queries.one(query, ContractSummary.class)
                .orElseThrow(() -> new NotFoundException("No contract " + query.contractId()));
    }
}
