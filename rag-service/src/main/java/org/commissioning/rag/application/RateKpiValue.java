package org.commissioning.rag.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** A submitted value of a contract's total is rated, and its period with it. */
@Service
public class RateKpiValue {

    private final CommandGateway commands;

    public RateKpiValue(CommandGateway commands) {
        this.commands = commands;
    }

    /** A figure the period already holds (a redelivery) changes nothing. */
    public void rate(KpiFigure figure) {
        commands.sendAndWait(figure.toCommand(false));
    }
}
