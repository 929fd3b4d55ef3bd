package org.commissioning.rag.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.rag.api.ResolveKpiDiscrepancyCommand;
import org.springframework.stereotype.Service;

/** A resolved discrepancy makes the ratings resting on the value firm again. */
@Service
public class ResolveKpiDiscrepancy {

    private final CommandGateway commands;

    public ResolveKpiDiscrepancy(CommandGateway commands) {
        this.commands = commands;
    }

    /** The resolution of a discrepancy not noted changes nothing. */
    public void resolve(ResolveKpiDiscrepancyCommand command) {
        commands.sendAndWait(command);
    }
}
