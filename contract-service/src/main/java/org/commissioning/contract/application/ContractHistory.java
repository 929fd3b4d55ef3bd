package org.commissioning.contract.application;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractHistoryQuery;
import org.commissioning.platform.domain.NotFoundException;
import org.springframework.stereotype.Service;

/** A contract's lifecycle in order, one entry per stored event; an unknown contract (no history) is not found. */
@Service
@RequiredArgsConstructor
public class ContractHistory {

    private final ContractQueries queries;

    public List<ContractHistoryEntry> history(ContractHistoryQuery query) {
        List<ContractHistoryEntry> history = queries.all(query, ContractHistoryEntry.class);
        if (history.isEmpty()) {
            throw new NotFoundException("No contract " + query.contractId());
        }
        return history;
    }
}
