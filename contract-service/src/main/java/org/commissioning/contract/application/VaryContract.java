package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.VaryContractCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Varies an active contract's annual value and/or end date from an effective date. */
@Service
@RequiredArgsConstructor
public class VaryContract {

    private final ContractCommands contracts;

    public ContractChanged vary(VaryContractCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
