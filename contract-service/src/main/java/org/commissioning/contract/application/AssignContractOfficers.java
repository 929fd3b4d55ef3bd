package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.AssignContractOfficersCommand;
import org.springframework.stereotype.Service;

/** Assigns a contract's lead officer and contract manager. */
@Service
@RequiredArgsConstructor
public class AssignContractOfficers {

    private final ContractCommands contracts;

    public ContractChanged assign(AssignContractOfficersCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
