package org.commissioning.contract.application;

import org.commissioning.contract.api.StartPlanCommand;
import org.springframework.stereotype.Service;

/** Puts an active contract on an improvement or action plan (escalation's first step). */
@Service
public class StartPlan {

    private final ContractCommands contracts;

    public StartPlan(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public ContractChanged start(StartPlanCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
