package org.commissioning.contract.application;

import lombok.RequiredArgsConstructor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.commissioning.contract.api.RegisterContractCommand;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/** Registers a contract under the id given; an id already registered is a conflict (REGISTERED). */
@Service
@RequiredArgsConstructor
public class RegisterContract {

    private final ContractCommands contracts;

    public ContractChanged register(RegisterContractCommand command) {
        Access.require(Permission.MANAGE_CONTRACTS);
        try {
            return contracts.change(command.contractId(), command);
        } catch (AggregateStreamCreationException e) {
            throw new StateConflictException("contract-registered-once", "REGISTERED",
                    "Contract " + command.contractId() + " is already registered");
        }
    }
}
