package org.commissioning.rag.query;

import lombok.RequiredArgsConstructor;
import org.commissioning.knowncontracts.KnownContracts;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.rag.api.ContractTerm;
import org.springframework.stereotype.Component;

/** Whether rag-service knows a contract: from its registration, or from ratings recorded for it. */
@Component
@RequiredArgsConstructor
public class ContractsKnownHere {

    private final KnownContracts contracts;
    private final RatingHistoryProjection history;

    /** @throws NotFoundException (404) for a contract neither registered nor rated here */
    public void require(String contractId) {
        if (contracts.find(contractId).isEmpty() && !history.hasEntries(contractId)) {
            throw new NotFoundException("No contract " + contractId + " is known here");
        }
    }

    /** The contract's current term as known from contracts.events.v1; unknown for one known only from its ratings. */
    public ContractTerm term(String contractId) {
        return contracts.find(contractId).map(c -> new ContractTerm(c.start(), c.end())).orElse(ContractTerm.UNKNOWN);
    }
}
