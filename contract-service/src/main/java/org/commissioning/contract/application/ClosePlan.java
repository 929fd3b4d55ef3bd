package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ClosePlanCommand;
import org.springframework.stereotype.Service;

/** Closes a contract's open plan with its outcome. */
@Service
@RequiredArgsConstructor
public class ClosePlan {

    private final ContractCommands contracts;

    public ContractChanged close(ClosePlanCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
