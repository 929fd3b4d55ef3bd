package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ExtendContractCommand;
import org.springframework.stereotype.Service;

/** Extends an active contract once, within its extension option. */
@Service
@RequiredArgsConstructor
public class ExtendContract {

    private final ContractCommands contracts;

    public ContractChanged extend(ExtendContractCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
