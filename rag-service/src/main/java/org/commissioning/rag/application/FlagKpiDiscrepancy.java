package org.commissioning.rag.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.rag.api.FlagKpiDiscrepancyCommand;
import org.springframework.stereotype.Service;

/** A value whose provider and council figures differ beyond tolerance makes the ratings resting on it provisional. */
@Service
public class FlagKpiDiscrepancy {

    private final CommandGateway commands;

    public FlagKpiDiscrepancy(CommandGateway commands) {
        this.commands = commands;
    }

    /** A discrepancy already noted changes nothing. */
    public void flag(FlagKpiDiscrepancyCommand command) {
        commands.sendAndWait(command);
    }
}
