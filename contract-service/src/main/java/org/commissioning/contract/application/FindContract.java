package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A contract's current state, with its version; an unknown contract is not found, and so is another provider's
 * contract for a caller confined to a provider.
 */
@Service
@RequiredArgsConstructor
public class FindContract {

    private final ContractQueries queries;

    public ContractSummary find(FindContractQuery query) {
        Access.require(Permission.READ_SUMMARIES);
        ContractSummary found = queries.one(query, ContractSummary.class).orElseThrow(() -> notFound(query));
        Access.requireFor(Permission.READ_SUMMARIES, found.provider(), () -> notFound(query));
        return found;
    }

    private static NotFoundException notFound(FindContractQuery query) {
        return new NotFoundException("No contract " + query.contractId());
    }
}
