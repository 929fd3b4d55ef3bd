package org.commissioning.contract.application;

import org.commissioning.contract.api.IssueContractWarningCommand;
import org.springframework.stereotype.Service;

/** Issues a formal warning to an active contract's provider. */
@Service
public class IssueContractWarning {

    private final ContractCommands contracts;

    public IssueContractWarning(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public ContractChanged warn(IssueContractWarningCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
