package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.TerminateContractCommand;
import org.springframework.stereotype.Service;

/** Ends an active contract early, by the provider, the council or agreement. */
@Service
@RequiredArgsConstructor
public class TerminateContract {

    private final ContractCommands contracts;

    public ContractChanged terminate(TerminateContractCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
