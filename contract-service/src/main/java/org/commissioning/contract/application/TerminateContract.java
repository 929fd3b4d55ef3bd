package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.TerminateContractCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Ends an active contract early, by the provider, the council or agreement. */
@Service
@RequiredArgsConstructor
public class TerminateContract {

    private final ContractCommands contracts;

    public ContractChanged terminate(TerminateContractCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
