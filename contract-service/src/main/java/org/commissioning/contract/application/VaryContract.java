package org.commissioning.contract.application;

import org.commissioning.contract.api.VaryContractCommand;
import org.springframework.stereotype.Service;

/** Varies an active contract's annual value and/or end date from an effective date. */
@Service
public class VaryContract {

    private final ContractCommands contracts;

    public VaryContract(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public ContractChanged vary(VaryContractCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
