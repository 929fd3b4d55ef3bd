package org.commissioning.contract.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a command to one contract and answers with the contract's version after it (0 for a registration,
 * whose handler answers the new contract's id). The use cases of a change
 * call it; the aggregate decides, and its refusals (404, 409, 412, 400) travel back to the caller unchanged.
 */
@Component
public class ContractCommands {

    private final CommandGateway gateway;

    public ContractCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    ContractChanged change(String contractId, Object command) {
        Object result = gateway.sendAndWait(command);
        return new ContractChanged(contractId, result instanceof Long version ? version : 0);
    }
}
