package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.VaryContractCommand;
import org.springframework.stereotype.Service;

/** Varies an active contract's annual value and/or end date from an effective date. */
@Service
@RequiredArgsConstructor
public class VaryContract {

    private final ContractCommands contracts;

    public ContractChanged vary(VaryContractCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
