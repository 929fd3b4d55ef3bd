package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.StartPlanCommand;
import org.springframework.stereotype.Service;

/** Puts an active contract on an improvement or action plan (escalation's first step). */
@Service
@RequiredArgsConstructor
public class StartPlan {

    private final ContractCommands contracts;

    public ContractChanged start(StartPlanCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
