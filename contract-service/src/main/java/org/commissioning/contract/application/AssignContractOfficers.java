package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.AssignContractOfficersCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Assigns a contract's lead officer and contract manager. */
@Service
@RequiredArgsConstructor
public class AssignContractOfficers {

    private final ContractCommands contracts;

    public ContractChanged assign(AssignContractOfficersCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
