package org.commissioning.contract.application;

import java.time.Instant;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ContractAsOfQuery;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.FindContractQuery;
import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A contract's current state, with its version, or its state as it stood at an instant; an unknown contract is not
 * found, and so is another provider's contract for a caller confined to a provider.
 */
@Service
@RequiredArgsConstructor
public class FindContract {

    private final ContractQueries queries;

    /**
     * @param asOf an instant ({@link AsOf#parse}), read from the stored events: the contract as it stood then, not
     *             found if it had not been registered yet; null for the current state
     */
    public ContractSummary find(FindContractQuery query, String asOf) {
        Access.require(Permission.READ_SUMMARIES);
        Instant at = AsOf.parse(asOf);
        Optional<ContractSummary> found = at == null ? queries.one(query, ContractSummary.class)
                : queries.one(new ContractAsOfQuery(query.contractId(), at), ContractSummary.class);
        ContractSummary contract = found.orElseThrow(() -> notFound(query));
        Access.requireFor(Permission.READ_SUMMARIES, contract.provider(), () -> notFound(query));
        return contract;
    }

    private static NotFoundException notFound(FindContractQuery query) {
        return new NotFoundException("No contract " + query.contractId());
    }
}
