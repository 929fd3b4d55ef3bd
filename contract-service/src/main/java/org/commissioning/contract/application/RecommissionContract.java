package org.commissioning.contract.application;

import org.commissioning.contract.api.RecommissionContractCommand;
import org.springframework.stereotype.Service;

/** Recommissions a terminated or expired contract by one route, once. */
@Service
public class RecommissionContract {

    private final ContractCommands contracts;

    public RecommissionContract(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public ContractChanged recommission(RecommissionContractCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
