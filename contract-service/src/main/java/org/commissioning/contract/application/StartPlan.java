package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.StartPlanCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Puts an active contract on an improvement or action plan (escalation's first step). */
@Service
@RequiredArgsConstructor
public class StartPlan {

    private final ContractCommands contracts;

    public ContractChanged start(StartPlanCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
