package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.AuthorisePaymentCommand;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Authorises a month's payment of a contract (or replaces an earlier decision, with a reason). */
@Service
@RequiredArgsConstructor
public class AuthorisePayment {

    private final ContractCommands contracts;

    public ContractChanged authorise(AuthorisePaymentCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        return contracts.change(command.contractId(), command);
    }
}
