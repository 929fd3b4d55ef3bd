package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.IssueContractWarningCommand;
import org.springframework.stereotype.Service;

/** Issues a formal warning to an active contract's provider. */
@Service
@RequiredArgsConstructor
public class IssueContractWarning {

    private final ContractCommands contracts;

    public ContractChanged warn(IssueContractWarningCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
