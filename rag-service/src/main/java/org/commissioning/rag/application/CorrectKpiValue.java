package org.commissioning.rag.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** A corrected value of a contract's total re-rates its period, the new rating saying why. */
@Service
public class CorrectKpiValue {

    private final CommandGateway commands;

    public CorrectKpiValue(CommandGateway commands) {
        this.commands = commands;
    }

    /** A correction to the figure the period already holds changes nothing. */
    public void correct(KpiFigure figure) {
        commands.sendAndWait(figure.toCommand(true));
    }
}
