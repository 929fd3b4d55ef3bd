package org.commissioning.knowncontracts;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.domain.NotFoundException;

/** The queries of the contracts a service knows: what its use cases check their requests against. */
@RequiredArgsConstructor
public class KnownContracts {

    private final KnownContractsProjection view;

    public Optional<KnownContract> find(String contractId) {
        return view.find(contractId);
    }

    /** @throws NotFoundException (404) for a contract not registered in contract-service as far as this service knows */
    public KnownContract require(String contractId) {
        return find(contractId).orElseThrow(() -> new NotFoundException("No contract " + contractId
                + " is known here"));
    }

    /** Every known contract, by provider then id. */
    public List<KnownContract> all() {
        return view.all();
    }
}
