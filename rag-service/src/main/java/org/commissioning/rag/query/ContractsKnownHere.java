package org.commissioning.rag.query;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.commissioning.knowncontracts.KnownContract;
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
            throw notKnown(contractId);
        }
    }

    /** What a contract not known here answers (404): also what another provider's contract answers a provider. */
    public static NotFoundException notKnown(String contractId) {
        return new NotFoundException("No contract " + contractId + " is known here");
    }

    /** The provider of a contract registered here; empty for one known only from its ratings, or not at all. */
    public Optional<String> provider(String contractId) {
        return contracts.find(contractId).map(KnownContract::provider);
    }

    /** The contract's current term as known from contracts.events.v1; unknown for one known only from its ratings. */
    public ContractTerm term(String contractId) {
        return contracts.find(contractId).map(c -> new ContractTerm(c.start(), c.end())).orElse(ContractTerm.UNKNOWN);
    }
}
