package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ExtendContractCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Extends an active contract once, within its extension option. */
@Service
@RequiredArgsConstructor
public class ExtendContract {

    private final ContractCommands contracts;

    public ContractChanged extend(ExtendContractCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
