package org.commissioning.contract.application;

import org.commissioning.contract.api.TerminateContractCommand;
import org.springframework.stereotype.Service;

/** Ends an active contract early, by the provider, the council or agreement. */
@Service
public class TerminateContract {

    private final ContractCommands contracts;

    public TerminateContract(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public ContractChanged terminate(TerminateContractCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
