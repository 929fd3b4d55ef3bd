package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.IssueContractWarningCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Issues a formal warning to an active contract's provider. */
@Service
@RequiredArgsConstructor
public class IssueContractWarning {

    private final ContractCommands contracts;

    public ContractChanged warn(IssueContractWarningCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
