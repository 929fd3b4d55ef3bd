package org.commissioning.rag.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.rag.api.RecordFrameworkCommand;
import org.springframework.stereotype.Service;

/** A version of a contract's KPI framework (defined or revised) becomes one the contract is rated against. */
@Service
public class RecordKpiFramework {

    private final CommandGateway commands;

    public RecordKpiFramework(CommandGateway commands) {
        this.commands = commands;
    }

    /** A version already recorded changes nothing. */
    public void record(RecordFrameworkCommand command) {
        commands.sendAndWait(command);
    }
}
