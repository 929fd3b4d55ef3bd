package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ClosePlanCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Closes a contract's open plan with its outcome. */
@Service
@RequiredArgsConstructor
public class ClosePlan {

    private final ContractCommands contracts;

    public ContractChanged close(ClosePlanCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
