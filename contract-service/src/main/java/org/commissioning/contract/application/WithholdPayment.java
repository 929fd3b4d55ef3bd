package org.commissioning.contract.application;

import org.commissioning.contract.api.WithholdPaymentCommand;
import org.springframework.stereotype.Service;

/** Withholds a month's payment of a contract (or replaces an earlier decision, with a reason). */
@Service
public class WithholdPayment {

    private final ContractCommands contracts;

    public WithholdPayment(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public ContractChanged withhold(WithholdPaymentCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
