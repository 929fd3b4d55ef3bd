package org.commissioning.kpi.application;

import java.util.List;
import java.util.function.Supplier;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.platform.domain.NotFoundException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/** Sends the commands of a month's return. */
@Component
class ReturnCommands {

    /**
     * A return is created by whichever comes first of the provider's return, the council's figures and the overdue
     * scan: when two race to create it, the loser is sent once more and then meets the return the winner created.
     */
    private static final RetryTemplate CREATION_RACE = RetryTemplate.builder().maxAttempts(2).noBackoff()
            .retryOn(List.of(AggregateStreamCreationException.class, ConcurrencyException.class)).build();

    private final CommandGateway commands;

    ReturnCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * A command that may create the return, sent again once if it lost a creation race; a second clash is thrown
     * for the use case to answer.
     */
    void sendCreating(Object command) {
        CREATION_RACE.execute(attempt -> commands.sendAndWait(command));
    }

    /** A command to an existing return; {@code missing} answers when there is none. */
    void sendToExisting(Object command, Supplier<NotFoundException> missing) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw missing.get();
        }
    }

    /** For the overdue scan. */
    void send(Object command) {
        commands.sendAndWait(command);
    }
}
