package org.commissioning.knowncontracts;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;

/**
 * The queries of the contracts a service knows: what its use cases check their requests against. {@link #find},
 * {@link #require} and {@link #all} check no caller (consumers and scans have none); a request's use case asks
 * {@link #requireFor} and {@link #visibleTo}, which do.
 */
@RequiredArgsConstructor
public class KnownContracts {

    private final KnownContractsProjection view;

    public Optional<KnownContract> find(String contractId) {
        return view.find(contractId);
    }

    /** @throws NotFoundException (404) for a contract not registered in contract-service as far as this service knows */
    public KnownContract require(String contractId) {
        return find(contractId).orElseThrow(() -> notKnown(contractId));
    }

    /**
     * The contract, for a caller holding {@code permission} (403 otherwise, whatever the contract) who may see it: a
     * caller confined to another provider gets exactly the 404 of a contract not known here.
     */
    public KnownContract requireFor(Permission permission, String contractId) {
        Access.require(permission);
        KnownContract contract = require(contractId);
        Access.requireFor(permission, contract.provider(), () -> notKnown(contractId));
        return contract;
    }

    /** Every known contract, by provider then id. */
    public List<KnownContract> all() {
        return view.all();
    }

    /** The known contracts the caller, holding {@code permission} (403 otherwise), may see, by provider then id. */
    public List<KnownContract> visibleTo(Permission permission) {
        Access.require(permission);
        return all().stream().filter(contract -> Access.mayRead(permission, contract.provider())).toList();
    }

    private static NotFoundException notKnown(String contractId) {
        return new NotFoundException("No contract " + contractId + " is known here");
    }
}
