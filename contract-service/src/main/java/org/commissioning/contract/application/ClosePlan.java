package org.commissioning.contract.application;

import org.commissioning.contract.api.ClosePlanCommand;
import org.springframework.stereotype.Service;

/** Closes a contract's open plan with its outcome. */
@Service
public class ClosePlan {

    private final ContractCommands contracts;

    public ClosePlan(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public ContractChanged close(ClosePlanCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
