package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.springframework.stereotype.Service;

/** Authorises a month's payment of a contract (or replaces an earlier decision, with a reason). */
@Service
@RequiredArgsConstructor
public class AuthorisePayment {

    private final ContractCommands contracts;

    public ContractChanged authorise(AuthorisePaymentCommand command) {
        return contracts.change(command.contractId(), command);
    }
}
