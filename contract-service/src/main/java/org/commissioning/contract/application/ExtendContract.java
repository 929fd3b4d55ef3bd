package org.commissioning.contract.application;

import org.commissioning.contract.api.ExtendContractCommand;
import org.springframework.stereotype.Service;

/** Extends an active contract once, within its extension option. */
@Service
public class ExtendContract {

    private final ContractCommands contracts;

    public ExtendContract(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public ContractChanged extend(ExtendContractCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
