package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.RecommissionContractCommand;
import org.springframework.stereotype.Service;

/** Recommissions a terminated or expired contract by one route, once. */
@Service
@RequiredArgsConstructor
public class RecommissionContract {

    private final ContractCommands contracts;

    public ContractChanged recommission(RecommissionContractCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
