package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.WithholdPaymentCommand;
import org.springframework.stereotype.Service;

/** Withholds a month's payment of a contract (or replaces an earlier decision, with a reason). */
@Service
@RequiredArgsConstructor
public class WithholdPayment {

    private final ContractCommands contracts;

    public ContractChanged withhold(WithholdPaymentCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
