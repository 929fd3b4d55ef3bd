package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.RecommissionContractCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Recommissions a terminated or expired contract by one route, once. */
@Service
@RequiredArgsConstructor
public class RecommissionContract {

    private final ContractCommands contracts;

    public ContractChanged recommission(RecommissionContractCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
