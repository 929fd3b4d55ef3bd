package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ExpireContractCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Expires an active contract on or after its end date. */
@Service
@RequiredArgsConstructor
public class ExpireContract {

    private final ContractCommands contracts;

    public ContractChanged expire(ExpireContractCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
