package org.commissioning.contract.application;

import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.springframework.stereotype.Service;

/** Authorises a month's payment of a contract (or replaces an earlier decision, with a reason). */
@Service
public class AuthorisePayment {

    private final ContractCommands contracts;

    public AuthorisePayment(ContractCommands contracts) {
        this.contracts = contracts;
    }

    public ContractChanged authorise(AuthorisePaymentCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
