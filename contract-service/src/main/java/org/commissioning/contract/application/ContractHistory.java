package org.commissioning.contract.application;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ContractHistoryAsOfQuery;
import org.commissioning.contract.api.ContractHistoryEntry;
import org.commissioning.contract.api.ContractHistoryQuery;
import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * A contract's lifecycle in order, one entry per stored event, whole or as it stood at an instant; an unknown
 * contract (no history) is not found, and so is another provider's contract for a caller confined to a provider.
 */
@Service
@RequiredArgsConstructor
public class ContractHistory {

    private final ContractQueries queries;

    /**
     * @param asOf an instant ({@link AsOf#parse}): the entries stored by then, read from the stored events; not found
     *             if the contract had not been registered yet; null for the whole history
     */
    public List<ContractHistoryEntry> history(ContractHistoryQuery query, String asOf) {
        Access.require(Permission.READ_DETAIL);
        Instant at = AsOf.parse(asOf);
        List<ContractHistoryEntry> history = at == null ? queries.all(query, ContractHistoryEntry.class)
                : queries.all(new ContractHistoryAsOfQuery(query.contractId(), at), ContractHistoryEntry.class);
        if (history.isEmpty()) {
            throw notFound(query);
        }
        Access.requireFor(Permission.READ_DETAIL, provider(history), () -> notFound(query));
        return history;
    }

    /**
     * The provider the contract was registered for, from its first entry: the history projection records a
     * contract's events in order, so a history has its registration, whatever the summary projection has reached.
     */
    private static String provider(List<ContractHistoryEntry> history) {
        Object provider = history.get(0).fields().get("provider");
        return provider == null ? null : provider.toString();
    }

    private static NotFoundException notFound(ContractHistoryQuery query) {
        return new NotFoundException("No contract " + query.contractId());
    }
}
