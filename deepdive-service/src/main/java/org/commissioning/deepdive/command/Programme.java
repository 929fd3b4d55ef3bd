package org.commissioning.deepdive.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.deepdive.api.DeepDiveCommands;
import org.commissioning.deepdive.api.ProgrammeOpenedEvent;
import org.commissioning.platform.domain.StateConflictException;

/** The deep-dive programme of a financial year ({@link DeepDiveCommands#programmeId}): opened once. */
@Aggregate
public class Programme {

    @AggregateIdentifier
    private String programmeId;

    protected Programme() {
    }

    /** 409 {@code programme-opened-once} (current state OPEN) for a year opened before. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeepDiveCommands.OpenProgramme command) {
        if (programmeId != null) {
            throw new StateConflictException("programme-opened-once", "OPEN", "The programme of "
                    + command.programmeYear() + " is open already");
        }
        apply(new ProgrammeOpenedEvent(command.programmeYear()));
    }

    @EventSourcingHandler
    void on(ProgrammeOpenedEvent event) {
        programmeId = DeepDiveCommands.programmeId(event.programmeYear());
    }
}
